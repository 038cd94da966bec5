package chat.server.spi;

import java.util.Objects;

/**
 * A server-wide ban.
 *
 * @param kind          {@code KLINE} (user@host mask), {@code DLINE} (IP or CIDR) or {@code ACCOUNT}
 * @param mask          what it matches
 * @param reason        shown to the banned client
 * @param setBy         the operator who set it
 * @param setMillis     when
 * @param expiresMillis when it lapses; 0 for never
 */
public record ServerBan(String kind, String mask, String reason, String setBy, long setMillis, long expiresMillis) {

    public ServerBan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mask, "mask");
    }
}
