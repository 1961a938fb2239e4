package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files the platform keeps under Karaf's data folder, readable by the owner only where secret. */
public final class DataDir {

    private DataDir() {
    }

    /** Resolves a path against {@code karaf.data} (or the working folder outside Karaf). */
    public static Path resolve(String relative) {
        Path path = Paths.get(relative);
        if (path.isAbsolute()) {
            return path;
        }
        return Paths.get(System.getProperty("karaf.data", "data")).resolve(path);
    }

    /** Writes a secret so that only the owner may read it (where the file system knows POSIX modes). */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        if (posix) {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
