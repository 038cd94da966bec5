package chat.server.state;

import chat.protocol.Capability;

/**
 * Where the lines for one user go: its link for a local client; later a cluster relay for a user on another
 * node, or a bot's inbox. Implementations never block the caller: a receiver that cannot keep up is dropped
 * instead (a link's send queue overflows).
 */
public interface Delivery extends Outbound {

    /** The IRCv3 capabilities the receiver enabled, as bits ({@link Capability#bit()}); they shape its lines. */
    int capabilityBits();

    /** Whether the receiver enabled {@code capability}. */
    default boolean has(Capability capability) {
        return (capabilityBits() & capability.bit()) != 0;
    }

    /** Sends {@code lines} after the receiver's own command replies still waiting (a link's reply order). */
    default void reply(byte[] lines) {
        send(lines);
    }
}
