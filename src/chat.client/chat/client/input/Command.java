package chat.client.input;

/**
 * One slash command of the command table.
 *
 * @param name    the word after the slash, lower case
 * @param syntax  how it is typed, for /help
 * @param summary what it does, for /help
 * @param action  turns the arguments into an {@link Input}
 */
record Command(String name, String syntax, String summary, Action action) {

    /** The body of a command. */
    @FunctionalInterface
    interface Action {
        /**
         * @param args    the text after the command word, without leading spaces; may be empty
         * @param current the current channel, or null when there is none yet
         */
        Input apply(String args, String current);
    }
}
