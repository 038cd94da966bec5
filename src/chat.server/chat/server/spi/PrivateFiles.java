package chat.server.spi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the server's own user may read (#10): the data directory is 0700 and what it holds 0600 (password
 * keys, private history, the TLS key), whatever the umask. Stores create their files through this. On a file
 * system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

    /** The data directory and the directories in it. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** Every file in the data directory. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} (and missing parents) and makes it 0700; an existing directory is made 0700 too, so that
     * a data directory from an older version is closed on the next start.
     */
    public static Path directory(Path dir) throws IOException {
        if (POSIX && !Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile: tightened below
            }
        } else {
            Files.createDirectories(dir);
        }
        restrict(dir, DIRECTORY);
        return dir;
    }

    /** Creates an empty {@code file} readable by its owner only if it does not exist, and makes it 0600. */
    public static Path file(Path file) throws IOException {
        if (POSIX && !Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile: tightened below
            }
        }
        restrict(file, FILE);
        return file;
    }

    /** Makes an existing {@code file} 0600 (nothing when it does not exist). */
    public static void restrict(Path file) throws IOException {
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!POSIX || !Files.exists(path)) return;
        if (!Files.getPosixFilePermissions(path).equals(permissions)) Files.setPosixFilePermissions(path, permissions);
    }
}
