package chat.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a {@code chat.db-wal} left by a crash holds, read as SQLite will read it (the WAL format of
 * sqlite.org/fileformat2.html#walformat): the frames up to the last valid commit are recovered; frames of the
 * current generation after it (a checksum that fails, a transaction with no commit, a partial frame) are
 * dropped by SQLite without a word, which is what this reports (#10).
 *
 * @param recoveredFrames frames SQLite will recover
 * @param commits         commits among them
 * @param droppedFrames   frames of the current generation after the last valid commit (whole or partial)
 * @param reason          why they are dropped, or null when none are
 */
record WalFile(int recoveredFrames, int commits, int droppedFrames, String reason) {

    static final int HEADER_BYTES = 32;
    static final int FRAME_HEADER_BYTES = 24;
    private static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    private static final int MAGIC_BIG_ENDIAN = 0x377f0683;

    /** Whether SQLite will drop frames it was given. */
    boolean damaged() {
        return droppedFrames > 0;
    }

    /** Reads {@code wal} (which exists) and checks every frame's salts and checksum. */
    static WalFile inspect(Path wal) throws IOException {
        ByteBuffer file;
        try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) throw new IOException(wal + " is larger than 2 GiB");
            file = ByteBuffer.allocate((int) size);
            while (file.hasRemaining() && channel.read(file) >= 0) {
                // read it all
            }
            file.flip();
        }
        if (file.limit() == 0) return new WalFile(0, 0, 0, null);
        if (file.limit() < HEADER_BYTES) return new WalFile(0, 0, 1, "the header is cut short");
        int magic = file.getInt(0);
        if (magic != MAGIC_LITTLE_ENDIAN && magic != MAGIC_BIG_ENDIAN) return new WalFile(0, 0, 1, "the header is not a WAL header");
        ByteOrder order = magic == MAGIC_BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int pageSize = file.getInt(8);
        if (pageSize == 1) pageSize = 65536;
        int salt1 = file.getInt(16);
        int salt2 = file.getInt(20);
        int[] sum = checksum(file, 0, 24, order, 0, 0);
        if (sum[0] != file.getInt(24) || sum[1] != file.getInt(28)) return new WalFile(0, 0, 1, "the header's checksum fails");
        int frameBytes = FRAME_HEADER_BYTES + pageSize;
        int frames = 0;
        int recovered = 0;
        int commits = 0;
        String reason = null;
        for (int at = HEADER_BYTES; at < file.limit(); at += frameBytes) {
            if (at + frameBytes > file.limit()) {
                reason = "the last frame is cut short (" + (file.limit() - at) + " of " + frameBytes + " bytes)";
                frames++;
                break;
            }
            if (file.getInt(at + 8) != salt1 || file.getInt(at + 12) != salt2) break; // an older generation: normal
            frames++;
            sum = checksum(file, at, 8, order, sum[0], sum[1]);
            sum = checksum(file, at + FRAME_HEADER_BYTES, pageSize, order, sum[0], sum[1]);
            if (sum[0] != file.getInt(at + 16) || sum[1] != file.getInt(at + 20)) {
                reason = "frame " + frames + "'s checksum fails";
                break;
            }
            if (file.getInt(at + 4) != 0) {
                recovered = frames;
                commits++;
            }
        }
        if (reason == null && frames > recovered) reason = "the last transaction has no commit";
        return new WalFile(recovered, commits, frames - recovered, frames > recovered ? reason : null);
    }

    /** SQLite's WAL checksum of {@code length} bytes (a multiple of 8) at {@code offset}, continuing from s0, s1. */
    private static int[] checksum(ByteBuffer file, int offset, int length, ByteOrder order, int s0, int s1) {
        ByteBuffer words = file.duplicate().order(order);
        for (int i = offset; i < offset + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }
}
