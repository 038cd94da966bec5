package chat.client.session;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Connection failures in one line a person can act on. */
final class Failures {

    private Failures() {
    }

    /** Why the connection failed or ended, in words. */
    static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof UnknownHostException) return "unknown host " + message;
        if (untrustedCertificate(e)) {
            // #16: one line, not PKIX's stack of causes; a development server's certificate is self-signed.
            return "the server's TLS certificate is not trusted; if it is a development server's self-signed"
                    + " one, add --insecure";
        }
        if (e instanceof SSLException) return "TLS failed: " + (message != null ? message : "handshake refused");
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** Whether connecting again later may work: the server is away, not misconfigured. */
    static boolean worthRetrying(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException;
    }

    private static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) return true;
            if (t instanceof SSLHandshakeException && t.getMessage() != null && t.getMessage().contains("PKIX")) {
                return true;
            }
        }
        return false;
    }
}
