package chat.server.state;

import chat.protocol.HostMask;

/**
 * Extended bans in the +b list (ISUPPORT {@code EXTBAN=,m}): {@code m:<mask>} mutes whom the mask matches, as +q
 * does, instead of banning them (Ergo's and InspIRCd's mute); in the +e list it exempts whom it matches from mutes
 * and quiets, not from bans.
 */
public final class Extbans {

    /** The extban letters this server knows (ISUPPORT EXTBAN, after its empty prefix). */
    public static final String TYPES = "m";
    private static final String MUTE = "m:";

    private Extbans() {
    }

    /** Whether a +b or +e entry is a mute (or a mute exception). */
    static boolean isMute(String mask) {
        return mask.startsWith(MUTE);
    }

    /** The host mask a mute applies to. */
    static String muteMask(String mask) {
        return mask.substring(MUTE.length());
    }

    /** A +b parameter as stored: {@code m:} kept before the normalised mask of a mute. */
    static String normalise(String raw) {
        return isMute(raw) ? MUTE + HostMask.normalise(muteMask(raw)) : HostMask.normalise(raw);
    }
}
