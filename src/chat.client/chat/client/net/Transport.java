package chat.client.net;

/** How the client reaches the server. */
public enum Transport {
    /** A plain TCP connection. */
    PLAIN,
    /** TLS, checking the server's certificate against the JDK's trusted authorities and the host name. */
    TLS,
    /** TLS that accepts any certificate: only for a development server's self-signed one. */
    TLS_INSECURE
}
