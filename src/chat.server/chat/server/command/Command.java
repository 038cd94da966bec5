package chat.server.command;

/**
 * One entry of the command table.
 *
 * @param verb                      the command word, upper case
 * @param minParams                 parameters below which the dispatcher answers 461
 * @param allowedBeforeRegistration whether it may come before 001 (else 451)
 * @param handler                   what carries it out
 */
public record Command(String verb, int minParams, boolean allowedBeforeRegistration, Handler handler) {
}
