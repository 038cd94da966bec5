package chat.client.input;

import java.util.List;

/** The first word of a command's arguments and what follows it (after one space). */
record Words(String first, String rest) {

    static Words of(String args) {
        String s = args.stripLeading();
        int space = s.indexOf(' ');
        return space < 0 ? new Words(s, "") : new Words(s.substring(0, space), s.substring(space + 1));
    }

    /** Every word of the arguments; runs of spaces separate, none is empty. */
    static List<String> all(String args) {
        String s = args.strip();
        return s.isEmpty() ? List.of() : List.of(s.split(" +"));
    }
}
