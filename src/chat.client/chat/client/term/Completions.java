package chat.client.term;

import chat.client.session.Roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Tab may complete the word under the cursor to: a command at the start of the line, a channel for a
 * word starting with {@code #}, else a nickname of the current channel or of a private chat ({@code bob: }
 * at the start of the line, addressing him). The line editor keeps those that start with the word.
 */
final class Completions {

    /**
     * One completion.
     *
     * @param value    what the word becomes
     * @param complete whether a space follows (the word is finished)
     */
    record Completion(String value, boolean complete) {}

    private Completions() {
    }

    static List<Completion> of(String word, int wordIndex, Roster roster, List<String> commands) {
        List<Completion> out = new ArrayList<>();
        if (wordIndex == 0 && word.startsWith("/")) {
            for (String command : commands) out.add(new Completion(command, true));
            return out;
        }
        List<String> targets = roster.targets();
        if (word.startsWith("#")) {
            for (String target : targets) {
                if (target.startsWith("#")) out.add(new Completion(target, true));
            }
            return out;
        }
        Set<String> nicks = new LinkedHashSet<>(roster.members(roster.view().current()));
        for (String target : targets) {
            if (!target.startsWith("#")) nicks.add(target);
        }
        String me = roster.view().nick();
        for (String nick : nicks) {
            if (roster.view().isMe(nick) && me != null) continue;
            out.add(new Completion(wordIndex == 0 ? nick + ":" : nick, true));
        }
        return out;
    }
}
