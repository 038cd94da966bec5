package chat.server.state;

import chat.server.change.Identity;
import chat.server.change.ModeChange;
/**
 * One identity that left a nickname, for WHOWAS.
 *
 * @param identity     nick, user, host and realname as they were
 * @param leftAtSeconds when the nickname was left (QUIT, disconnect or NICK), in Unix seconds
 */
public record WhowasEntry(Identity identity, long leftAtSeconds) {
}
