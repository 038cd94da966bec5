package chat.server.state;

import chat.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The identities that most recently left a nickname, newest last, in a fixed-size ring: when it is full the
 * oldest entry makes room. Not thread-safe: the registry keeps it under its lock.
 */
final class WhowasHistory {

    /** Default number of entries kept; at a few hundred bytes each, some hundreds of KB at most. */
    static final int WHOWAS_HISTORY = 1000;

    private final WhowasEntry[] ring;
    // the slot the next entry goes into
    private int next;
    private int size;

    WhowasHistory(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("whowas history must hold at least one entry");
        ring = new WhowasEntry[capacity];
    }

    void add(WhowasEntry entry) {
        ring[next] = entry;
        next = (next + 1) % ring.length;
        if (size < ring.length) size++;
    }

    /** The entries for {@code nick} under {@code mapping}, newest first; at most {@code limit} of them, or all when {@code limit <= 0}. */
    List<WhowasEntry> find(String nick, CaseMapping mapping, int limit) {
        String folded = mapping.fold(nick);
        List<WhowasEntry> found = new ArrayList<>();
        for (int i = 1; i <= size && (limit <= 0 || found.size() < limit); i++) {
            WhowasEntry entry = ring[Math.floorMod(next - i, ring.length)];
            if (mapping.fold(entry.identity().nick()).equals(folded)) found.add(entry);
        }
        return found;
    }

    int size() {
        return size;
    }

    int capacity() {
        return ring.length;
    }
}
