/** The HTTP listener: the web client, IRC over WebSocket, /metrics and /status, plugged into the server's frontend SPI. */
module chat.web {
    requires transitive chat.server;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.websocket.server;
    requires transitive org.eclipse.jetty.websocket.api; // the exported endpoint's methods name its types
    // #13: the API session's core session sends an endpoint's lines as batched frames, one flush per write.
    requires org.eclipse.jetty.websocket.common;
    requires transitive org.eclipse.jetty.websocket.core.common; // the exported extension's methods name its types
    requires org.eclipse.jetty.websocket.core.server; // to register our permessage-deflate (PerMessageDeflate)
    requires io.prometheus.metrics.core;
    requires io.prometheus.writer.text;
    requires io.prometheus.metrics.instrumentation.jvm;
    // Only because Jetty reaches the WebSocket endpoint's listener methods with MethodHandles.publicLookup():
    // the package's public types are the provider, that endpoint, whose constructor stays package-private, and the
    // permessage-deflate extension, which Jetty instantiates the same way.
    exports chat.web;
    provides chat.server.spi.FrontendProvider with chat.web.WebFrontendProvider;
}
