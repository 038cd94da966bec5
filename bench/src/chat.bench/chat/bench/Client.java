package chat.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One simulated IRC client: its channel, the unfinished tail of its input, the output the kernel has not
 * taken yet, and where it is in registration. Confined to the event loop's thread.
 */
final class Client {

    private static final byte[] EMPTY = new byte[0];

    final int index;
    final String nick;
    /** Speaks IRC over WebSocket ({@code /webirc}) instead of plain TCP. */
    final boolean webSocket;
    /** Offers permessage-deflate in its upgrade, as browsers do, and inflates what the server compresses. */
    final boolean deflate;
    /** The WebSocket upgrade was answered with 101: frames from now on. */
    boolean upgraded;
    /** The permessage-deflate the server accepted, or null. */
    PerMessageDeflate inflater;
    InetSocketAddress address;
    SocketChannel channel;
    SelectionKey key;
    /** Bytes of a line whose ending has not arrived yet. */
    byte[] carry = EMPTY;
    int carryLength;
    /** Output not yet written (flip()ped, ready to write); null when all was written. */
    ByteBuffer unsent;
    boolean welcomed;
    boolean registered;
    boolean joined;
    /** What its round waits for happened (see {@link Connector#done}). */
    boolean done;
    boolean closed;
    long startedNanos;
    long registeredNanos;
    long joinedNanos;

    Client(int index, String nick) {
        this(index, nick, false);
    }

    Client(int index, String nick, boolean webSocket) {
        this(index, nick, webSocket, false);
    }

    Client(int index, String nick, boolean webSocket, boolean deflate) {
        this.index = index;
        this.nick = nick;
        this.webSocket = webSocket;
        this.deflate = deflate;
    }

    @Override
    public String toString() {
        return nick;
    }
}
