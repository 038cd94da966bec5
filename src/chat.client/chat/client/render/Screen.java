package chat.client.render;

/**
 * Where the client shows things, shared by the reader and the input threads: whole lines, never interleaved.
 * {@link PlainScreen} writes to a stream (a pipe, a dumb terminal); the terminal one keeps a prompt and the
 * line being typed under what it prints.
 */
public interface Screen {

    /** Prints one whole line. */
    void print(String line);

    /** Prints a line that concerns the user (a mention, a private message): highlighted, with a bell if wanted. */
    default void alert(String line) {
        print(line);
    }

    /** Asks a question: printed without ending the line, or made the prompt. */
    void prompt(String question);

    /** The current target or nickname changed: a terminal shows them in its prompt. */
    default void target(View view) {
    }
}
