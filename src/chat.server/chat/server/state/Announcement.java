package chat.server.state;

import chat.server.change.Change;

/**
 * A change and who must hear of it: a snapshot of its audience taken under the registry lock, delivered after
 * the lock is released.
 *
 * @param change   what changed
 * @param actor    the user who made it (its state is already the new one)
 * @param audience the users who must see it; what each gets depends on the change and its capabilities (for
 *                 an invitation, the invited user comes first, then the channel's members)
 */
public record Announcement(Change change, User actor, User[] audience) {
}
