package chat.server.command;

/**
 * One entry of the command table.
 *
 * @param verb                      the command word, upper case
 * @param minParams                 parameters below which the dispatcher answers 461
 * @param allowedBeforeRegistration whether it may come before 001 (else 451)
 * @param handler                   what carries it out
 * @param operatorOnly              whether only IRC operators may use it (else 481)
 */
public record Command(String verb, int minParams, boolean allowedBeforeRegistration, Handler handler,
                      boolean operatorOnly) {

    /** A command anyone may use. */
    public Command(String verb, int minParams, boolean allowedBeforeRegistration, Handler handler) {
        this(verb, minParams, allowedBeforeRegistration, handler, false);
    }
}
