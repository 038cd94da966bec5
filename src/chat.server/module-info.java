/** The chat server: an IRC server with one virtual thread per connection. Exports its launcher API, the SPI and the change vocabulary. */
module chat.server {
    requires transitive chat.protocol;
    requires transitive chat.monitor; // the frontend SPI hands out the monitor's samples
    requires java.logging; // only so that Main can give System.Logger a one-line format
    requires jdk.unsupported; // sun.misc.Signal: SIGHUP reloads the TLS certificate
    exports chat.server;
    exports chat.server.spi;
    exports chat.server.change;
    uses chat.server.spi.StoreProvider;
    uses chat.server.spi.FrontendProvider;
    uses chat.server.spi.ChangeListener;
    uses chat.server.spi.Bot;
    uses chat.server.spi.ClusterProvider;
}
