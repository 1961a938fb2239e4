package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code manifest.txt} of a backup folder: header lines {@code key=value} (format, platform version,
 * time, databases, warnings), then one line {@code file <sha256> <size> <path>} per copied file, the path
 * relative to the backup's {@code home/} folder (which mirrors the platform's home). Plain JDK only: the
 * restore reads it with the platform stopped.
 */
public final class BackupManifest {

    public static final String FILE = "manifest.txt";
    public static final String HOME = "home";
    static final String FORMAT = "1";

    /** One copied file. */
    public record Entry(String path, long size, String sha256) {
    }

    private final Map<String, List<String>> header;
    private final List<Entry> files;

    BackupManifest(Map<String, List<String>> header, List<Entry> files) {
        this.header = header;
        this.files = List.copyOf(files);
    }

    public List<Entry> files() {
        return files;
    }

    public List<String> header(String key) {
        return header.getOrDefault(key, List.of());
    }

    public long totalSize() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    void write(Path backup) throws IOException {
        StringBuilder text = new StringBuilder("# CUMT union platform backup 工会平台备份; restore: karaf-distribution/run-platform restore <this folder>\n");
        header.forEach((key, values) -> values.forEach(value -> text.append(key).append('=').append(value.replace('\n', ' ')).append('\n')));
        for (Entry entry : files) {
            text.append("file ").append(entry.sha256()).append(' ').append(entry.size()).append(' ').append(entry.path()).append('\n');
        }
        Files.writeString(backup.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /** Reads the manifest of a backup folder; refuses one that is missing or not of this format. */
    public static BackupManifest read(Path backup) throws IOException {
        Path file = backup.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("没有备份清单 No " + FILE + " in " + backup + ": not a platform backup");
        }
        Map<String, List<String>> header = new LinkedHashMap<>();
        List<Entry> files = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("file ")) {
                String[] parts = line.split(" ", 4);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("备份清单有误 Malformed line in " + FILE + ": " + line);
                }
                files.add(new Entry(parts[3], Long.parseLong(parts[2]), parts[1]));
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("备份清单有误 Malformed line in " + FILE + ": " + line);
            }
            header.computeIfAbsent(line.substring(0, equals), key -> new ArrayList<>()).add(line.substring(equals + 1));
        }
        if (!List.of(FORMAT).equals(header.get("format"))) {
            throw new IllegalArgumentException("备份格式不支持 Unknown backup format " + header.get("format") + " in " + file);
        }
        return new BackupManifest(header, files);
    }

    /**
     * Compares the backup's files with the manifest.
     *
     * @return what is wrong (a file missing, changed, or not listed); empty when the backup is intact
     */
    public List<String> problems(Path backup) throws IOException {
        Path home = backup.resolve(HOME);
        List<String> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (Entry entry : files) {
            listed.add(entry.path());
            Path file = home.resolve(entry.path()).normalize();
            if (!file.startsWith(home)) {
                problems.add("path outside the backup 路径越界: " + entry.path());
            } else if (!Files.isRegularFile(file)) {
                problems.add("missing 缺少: " + entry.path());
            } else if (Files.size(file) != entry.size()) {
                problems.add("size differs 大小不符: " + entry.path() + " (" + Files.size(file) + " instead of " + entry.size() + ")");
            } else if (!sha256(file).equals(entry.sha256())) {
                problems.add("sha256 differs 校验和不符: " + entry.path());
            }
        }
        if (Files.isDirectory(home)) {
            try (Stream<Path> all = Files.walk(home)) {
                all.filter(Files::isRegularFile).map(file -> slashes(home.relativize(file)))
                        .filter(path -> !listed.contains(path)).sorted()
                        .forEach(path -> problems.add("not in the manifest 清单外的文件: " + path));
            }
        } else if (!files.isEmpty()) {
            problems.add("missing 缺少: " + HOME + "/");
        }
        return problems;
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    /** Copies and returns the sha256 of what was copied. */
    static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
