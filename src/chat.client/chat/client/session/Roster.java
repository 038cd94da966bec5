package chat.client.session;

import chat.client.render.View;

import java.util.List;

/** What the terminal needs from the session to complete names and draw its prompt; safe from any thread. */
public interface Roster {

    /** Our nickname, the current target and the server's casemapping. */
    View view();

    /** The channels we are in, then the open private chats: what {@code /1}..{@code /9} and Alt-1..9 switch to. */
    List<String> targets();

    /** The nicknames known to be in a channel (empty when unknown). */
    List<String> members(String channel);
}
