package chat.server.command;

import chat.protocol.IrcMessage;

/** Carries out one command. Never touches a socket: replies go to the context's buffer, fan-out to outbounds. */
@FunctionalInterface
public interface Handler {

    void handle(Context ctx, IrcMessage message);
}
