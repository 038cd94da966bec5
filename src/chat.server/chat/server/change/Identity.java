package chat.server.change;

/**
 * Who a client says it is. Immutable; a user swaps in a new one on NICK.
 *
 * @param nick     the nickname, or null before NICK
 * @param user     the user name from USER (with '~': no ident check is made), or null before USER
 * @param host     the host shown to others: the client's IP address
 * @param realname the real name from USER
 */
public record Identity(String nick, String user, String host, String realname) {

    /** {@code nick!user@host}, the source of the client's messages. */
    public String prefix() {
        return nick + "!" + (user == null ? "*" : user) + "@" + host;
    }

    public Identity withNick(String newNick) {
        return new Identity(newNick, user, host, realname);
    }

    public Identity withUser(String newUser, String newRealname) {
        return new Identity(nick, newUser, host, newRealname);
    }
}
