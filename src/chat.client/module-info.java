/** The terminal IRC client: {@code chat.client.Main} and nothing else is exported. */
module chat.client {
    requires chat.protocol;
    requires org.jline.reader; // the line editor on a terminal (#16); org.jline.terminal comes with it
    exports chat.client;
}
