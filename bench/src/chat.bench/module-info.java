/**
 * The benchmark load generator: drives IRC servers over loopback from one NIO event loop and reports
 * throughput, latency and cost, plus the report table and the JFR summary. Plain JDK.
 */
module chat.bench {
    requires jdk.jfr; // only for JfrSummary, which reads the server's flight recording
    requires jdk.net; // only for TCP_QUICKACK (--quickack)
}
