package chat.client.session;

import java.io.IOException;
import java.util.function.Consumer;

/** Where typed lines come from: a pipe or dumb terminal ({@code PlainKeyboard}) or a line editor. */
public interface Keyboard {

    /** The next typed line (without its line end), or null at the end of input, Ctrl-D or Ctrl-C. */
    String readLine() throws IOException;

    /** A password: not echoed where that is possible; null at the end of input. */
    String readSecret(String prompt) throws IOException;

    /** Lines that keys stand for (Alt-2 for {@code /2}) go here, without disturbing the line being typed. */
    default void onShortcut(Consumer<String> typed) {
    }
}
