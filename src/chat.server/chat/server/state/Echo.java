package chat.server.state;

import chat.protocol.IrcMessage;
import java.util.function.Consumer;

/**
 * Where one user's own copy of a change goes when a command of that user caused it: into the command's reply
 * buffer, so that it arrives in order with the command's other replies and carries its label.
 *
 * @param user the user whose copy this is
 * @param sink takes the copy
 */
public record Echo(User user, Consumer<IrcMessage> sink) {
}
