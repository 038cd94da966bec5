/** Black-box end-to-end tests: a real server on 127.0.0.1, real sockets, real client code. */
open module chat.e2e {
    requires chat.server;
    requires chat.client;
    requires org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    requires jdk.jfr;
    requires java.net.http; // the JDK's WebSocket client talks to /webirc
    requires java.sql; // the crash tests read the databases directly
    uses chat.server.spi.StoreProvider;
    provides chat.server.spi.StoreProvider with chat.e2e.FaultyStoreProvider; // the store outage tests
    provides chat.server.spi.Bot with chat.e2e.bots.MisbehavingBots.Thrower, chat.e2e.bots.MisbehavingBots.Sleeper,
            chat.e2e.bots.MisbehavingBots.SelfTalker;
}
