package chat.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A store URL {@code postgresql://USER@HOST:PORT/DB[?PARAMS]} as pgjdbc wants it: a JDBC URL and a user.
 *
 * @param jdbcUrl {@code jdbc:postgresql://HOST:PORT/DB[?PARAMS]}
 * @param user    the database user, or null for the driver's default
 * @param shown   the URL for log lines
 */
record PostgresUrl(String jdbcUrl, String user, String shown) {

    /** PostgreSQL's port when the URL names none. */
    static final int DEFAULT_PORT = 5432;

    /** Parses what follows the scheme's colon ({@code //USER@HOST:PORT/DB}). */
    static PostgresUrl parse(String scheme, String location) {
        URI uri;
        try {
            uri = new URI(scheme + ":" + location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://USER@HOST:PORT/DB): " + e.getMessage());
        }
        String host = uri.getHost();
        String db = uri.getPath();
        if (host == null || db == null || db.length() < 2) {
            throw new IllegalArgumentException("a PostgreSQL store URL is postgresql://USER@HOST:PORT/DB, not " + scheme + ":" + location);
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new IllegalArgumentException("the store URL must not hold a password: use $CHAT_STORE_PASSWORD or --store-password-file");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresUrl("jdbc:postgresql://" + hostPort + db + query, user,
                "postgresql://" + (user == null ? "" : user + "@") + hostPort + db);
    }
}
