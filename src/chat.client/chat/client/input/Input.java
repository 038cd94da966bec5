package chat.client.input;

import chat.protocol.IrcMessage;

import java.util.List;

/** What one typed line asks the client to do. */
public sealed interface Input {

    /**
     * Send these messages, in order.
     *
     * @param messages what goes to the server (long text is already split into several)
     * @param focus    the channel that becomes current, or null to keep it
     */
    record Send(List<IrcMessage> messages, String focus) implements Input {
        public Send {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Make another target current: {@code /switch #dev}, {@code /query bob}, {@code /2} (and Alt-2). Nothing
     * goes to the server.
     *
     * @param target the channel or nickname, or null to go by number
     * @param number the target's number in the list (from 1), or 0 to go by name; both absent: list them
     */
    record Switch(String target, int number) implements Input {}

    /** Send this QUIT, wait briefly for the server to close, and exit. */
    record Quit(IrcMessage message) implements Input {}

    /** Show these lines locally. */
    record Help(List<String> lines) implements Input {
        public Help {
            lines = List.copyOf(lines);
        }
    }

    /** Nothing is sent; tell the user what was wrong with the line. */
    record Problem(String text) implements Input {}

    /** An empty line: nothing to do. */
    record Nothing() implements Input {}
}
