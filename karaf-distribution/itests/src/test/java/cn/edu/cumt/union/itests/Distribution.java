package cn.edu.cumt.union.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The artifacts under test, as Maven copied them before the tests (see the POM), seen from the test
 * JVM. Uses the system's {@code tar}: it keeps the scripts' execute bits.
 */
public final class Distribution {

    private Distribution() {
    }

    /** Our distribution tar.gz. */
    public static Path archive() {
        return existing("union.itests.distribution");
    }

    /** The study plugin's bundle jar. */
    public static Path studyJar() {
        return existing("union.itests.study-jar");
    }

    /** The unit plugin "outing" (unit MINING) that the archetype's test build generated and built. */
    public static Path outingJar() {
        return existing("union.itests.outing-jar");
    }

    /** The shipped example unit plugin "familyday" (unit MINING), built by plugins/examples/familyday. */
    public static Path familydayJar() {
        return existing("union.itests.familyday-jar");
    }

    /** This module's build directory, where tests put what they unpack. */
    public static Path workDirectory() {
        return Paths.get(required("union.itests.work"));
    }

    public static String karafVersion() {
        return required("union.itests.karaf-version");
    }

    /** The text of the archive's entry whose path ends with {@code suffix}, e.g. {@code /etc/foo.cfg}. */
    public static String readEntry(String suffix) {
        byte[] text = tar("-xzOf", archive().toString(), "--wildcards", "*" + suffix);
        if (text.length == 0) {
            throw new IllegalStateException("No entry *" + suffix + " in " + archive());
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Unpacks the archive into {@code directory} (emptied first); returns the Karaf home inside it. */
    public static Path unpack(Path directory) throws IOException {
        deleteTree(directory);
        Files.createDirectories(directory);
        tar("-xzf", archive().toString(), "-C", directory.toString());
        try (var children = Files.list(directory)) {
            List<Path> homes = children.filter(Files::isDirectory).collect(Collectors.toList());
            if (homes.size() != 1) {
                throw new IllegalStateException("Expected one top folder in " + archive() + ", found " + homes);
            }
            return homes.get(0);
        }
    }

    /** Deletes a directory tree if present. */
    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    private static byte[] tar(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "tar";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + Arrays.toString(command));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path existing(String property) {
        Path path = Paths.get(required(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " points to a missing file: " + path);
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven)");
        }
        return value;
    }
}
