/** The terminal IRC client: {@code chat.client.Main} and nothing else is exported. */
module chat.client {
    requires chat.protocol;
    exports chat.client;
}
