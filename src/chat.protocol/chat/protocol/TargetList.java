package chat.protocol;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated target lists, as in {@code PRIVMSG a,b,#c :text} or {@code JOIN #a,#b}. */
public final class TargetList {

    private TargetList() {
    }

    /** The non-empty items of a comma-separated list, in order. */
    public static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        if (list == null) return items;
        for (String item : list.split(",")) {
            if (!item.isEmpty()) items.add(item);
        }
        return items;
    }
}
