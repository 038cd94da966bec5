/** The IRC wire vocabulary shared by the server and the client: messages, parser, writer, numerics, names. */
module chat.protocol {
    exports chat.protocol;
}
