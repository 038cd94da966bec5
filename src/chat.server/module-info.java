/** The chat server: an IRC server with one virtual thread per connection. Exports only its launcher API. */
module chat.server {
    requires transitive chat.protocol;
    requires chat.monitor;
    requires java.logging; // only so that Main can give System.Logger a one-line format
    exports chat.server;
    exports chat.server.spi;
    uses chat.server.spi.StoreProvider;
}
