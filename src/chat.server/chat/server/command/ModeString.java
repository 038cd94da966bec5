package chat.server.command;

import chat.server.state.ChannelLimits;
import chat.server.change.ModeChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel mode strings as the Modern IRC document reads them, by the CHANMODES types, and the MODE lines that
 * announce applied changes. Knows the letters this server implements and nothing of any channel's state.
 */
final class ModeString {

    /** Type A: list modes; a parameter adds or removes a mask, none asks for the list. */
    static final String LIST_MODES = "beIq";
    /** Type B: always a parameter (for {@code -k} one is taken if given). */
    static final String KEY_MODES = "k";
    /** Type C: a parameter when set only. */
    static final String LIMIT_MODES = "l";
    /** Type D: flags, never a parameter. */
    static final String FLAG_MODES = "imnst";
    /** Member prefix modes, highest rank first, and their symbols (ISUPPORT PREFIX). */
    static final String PREFIX_MODES = "ov";
    static final String PREFIX_SYMBOLS = "@+";
    /** User modes: +i and +w by the user, +o only through OPER (and removable by the user). */
    static final String USER_MODES = "Biow";

    private ModeString() {
    }

    /** ISUPPORT CHANMODES: the letters of types A, B, C and D. */
    static String chanmodes() {
        return LIST_MODES + "," + KEY_MODES + "," + LIMIT_MODES + "," + FLAG_MODES;
    }

    /** Every channel mode letter, sorted (RPL_MYINFO). */
    static String allChannelModes() {
        return sorted(LIST_MODES + KEY_MODES + LIMIT_MODES + FLAG_MODES + PREFIX_MODES);
    }

    /** The channel mode letters that take a parameter, sorted (RPL_MYINFO). */
    static String channelModesWithParam() {
        return sorted(LIST_MODES + KEY_MODES + LIMIT_MODES + PREFIX_MODES);
    }

    /**
     * @param changes     the changes asked for, in order
     * @param listQueries list letters given without a parameter: their lists are to be shown, once each
     * @param unknown     letters this server does not know, once each
     */
    record Parsed(List<ModeChange> changes, List<Character> listQueries, List<Character> unknown) {
    }

    /**
     * Reads {@code modestring} with its {@code args}. A mode missing its parameter is skipped, and parameterised
     * changes past {@link ChannelLimits#MAX_MODES_PER_COMMAND} are ignored, as InspIRCd does.
     */
    static Parsed channel(String modestring, List<String> args) {
        List<ModeChange> changes = new ArrayList<>();
        List<Character> queries = new ArrayList<>();
        List<Character> unknown = new ArrayList<>();
        boolean add = true;
        int next = 0;
        int parameterised = 0;
        for (int i = 0; i < modestring.length(); i++) {
            char c = modestring.charAt(i);
            if (c == '+' || c == '-') {
                add = c == '+';
                continue;
            }
            boolean hasArg = next < args.size();
            if (FLAG_MODES.indexOf(c) >= 0 || (LIMIT_MODES.indexOf(c) >= 0 && !add)
                    || (KEY_MODES.indexOf(c) >= 0 && !add && !hasArg)) {
                changes.add(new ModeChange(add, c, null));
            } else if (LIST_MODES.indexOf(c) >= 0 && !hasArg) {
                if (!queries.contains(c)) queries.add(c);
            } else if (LIST_MODES.indexOf(c) >= 0 || PREFIX_MODES.indexOf(c) >= 0 || KEY_MODES.indexOf(c) >= 0
                    || LIMIT_MODES.indexOf(c) >= 0) {
                if (!hasArg) continue;
                String param = args.get(next++);
                if (parameterised++ >= ChannelLimits.MAX_MODES_PER_COMMAND) continue;
                changes.add(new ModeChange(add, c, param));
            } else if (!unknown.contains(c)) {
                unknown.add(c);
            }
        }
        return new Parsed(changes, queries, unknown);
    }

    private static String sorted(String letters) {
        char[] chars = letters.toCharArray();
        Arrays.sort(chars);
        return new String(chars);
    }
}
