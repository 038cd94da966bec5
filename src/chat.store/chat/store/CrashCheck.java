package chat.store;

import chat.server.spi.PrivateFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * #10: what a crash did to the store, found when it opens. A {@code chat.db-wal} left behind is read frame by
 * frame before SQLite recovers it ({@link WalFile}): what it recovers is logged, and when it will drop frames
 * (a truncated or corrupted log) that is logged as an error and the files are copied, untouched, into
 * {@code damaged-TIME/} in the data directory for the operator. After opening, SQLite's {@code quick_check}
 * runs; a failure is logged and the files are copied the same way. The server then goes on with what
 * SQLite can read.
 */
final class CrashCheck {

    /** Most lines of a failed {@code quick_check} that are logged. */
    static final int MAX_PROBLEMS_LOGGED = 10;

    private static final System.Logger LOG = System.getLogger("chat.store");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private CrashCheck() {
    }

    /** Before SQLite touches the files: inspects the WAL a crash left. */
    static void beforeOpen(Path db, Clock clock) {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        WalFile found;
        try {
            if (!Files.exists(wal) || Files.size(wal) == 0) return;
            found = WalFile.inspect(wal);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot read " + wal + " to check it: " + e.getMessage());
            return;
        }
        if (!found.damaged()) {
            LOG.log(Level.WARNING, "the server did not stop cleanly: recovering " + found.commits() + " commits ("
                    + found.recoveredFrames() + " frames) from " + wal);
            return;
        }
        String copy = keepCopy(db, clock);
        LOG.log(Level.ERROR, "DAMAGED WRITE-AHEAD LOG: " + wal + ": " + found.reason() + "; " + found.droppedFrames()
                + " frames after the last good commit will be dropped, and whatever they held (accounts, messages "
                + "that may have been acknowledged) is lost; " + found.commits() + " commits (" + found.recoveredFrames()
                + " frames) are recovered. The files as they were are kept in " + copy);
    }

    /** Right after opening: SQLite's quick_check; a damaged database is logged and copied. */
    static void afterOpen(Connection c, Path db, Clock clock) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) problems.add(rs.getString(1));
        }
        if (problems.equals(List.of("ok"))) return;
        String copy = keepCopy(db, clock);
        LOG.log(Level.ERROR, "DAMAGED DATABASE: " + db + " fails SQLite's quick_check: "
                + String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS_LOGGED, problems.size())))
                + (problems.size() > MAX_PROBLEMS_LOGGED ? " (and " + (problems.size() - MAX_PROBLEMS_LOGGED) + " more)" : "")
                + ". The files are kept in " + copy);
    }

    /** Copies the database and its side files, as they are, into a new {@code damaged-TIME} directory; says where. */
    private static String keepCopy(Path db, Clock clock) {
        Path dir = db.resolveSibling("damaged-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)));
        try {
            PrivateFiles.directory(dir);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = db.resolveSibling(db.getFileName() + suffix);
                if (!Files.exists(file)) continue;
                Path target = dir.resolve(file.getFileName());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                PrivateFiles.restrict(target);
            }
            return dir.toString();
        } catch (IOException e) {
            return "nowhere: the copy to " + dir + " failed (" + e.getMessage() + ")";
        }
    }
}
