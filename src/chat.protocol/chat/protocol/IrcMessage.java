package chat.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IRC message: optional IRCv3 tags, optional source (prefix), a command (verb or three-digit numeric)
 * and its parameters, the last of which may contain spaces.
 *
 * @param tags   message tags, unescaped values ({@code ""} for a tag without value); never null
 * @param source the prefix without the leading colon, or null
 * @param command the command in upper case, or a numeric
 * @param params the parameters; never null
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcMessage {
        tags = Map.copyOf(tags);
        Objects.requireNonNull(command, "command");
        params = List.copyOf(params);
    }

    /** A message without tags or source. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, Arrays.asList(params));
    }

    /** A message with a source and no tags. */
    public static IrcMessage from(String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, Arrays.asList(params));
    }

    /** The same message with another source. */
    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }

    /** The same message with other tags. */
    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    /** Parameter {@code i}, or null when there are fewer. */
    public String param(int i) {
        return i < params.size() ? params.get(i) : null;
    }

    /** The last parameter, or null when there is none. */
    public String last() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    /** The nickname part of the source ({@code nick!user@host}), or null without source. */
    public String sourceNick() {
        if (source == null) return null;
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    @Override
    public String toString() {
        return LineWriter.format(this);
    }
}
