package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * Unit plugin uploads held for an operator's approval, on disk so that they survive a restart:
 * {@code <folder>/<plugin id>/upload.jar} (the very bytes that were checked, installed as they are
 * on approval) and {@code review.properties}. Each is written to a temporary file and moved into
 * place, so a crash leaves the old review or the new one. A newer upload of the same plugin
 * replaces the one waiting.
 */
final class PluginReviews {

    private static final String JAR = "upload.jar";
    private static final String FILE = "review.properties";

    /** A held upload: what the review shows, and the bytes. */
    record Pending(PluginReviewDTO review, byte[] bytes) {
    }

    private final Path folder;

    PluginReviews(Path folder) {
        this.folder = folder;
    }

    PluginReviewDTO hold(PluginJar jar, PluginRules.Action action, String installedVersion, String uploadedBy,
            List<String> checks) throws IOException {
        PluginReviewDTO review = new PluginReviewDTO(jar.pluginId(), jar.symbolicName(), jar.version().toString(),
                jar.ownerUnit(), jar.header(cn.edu.cumt.union.api.plugin.PluginHeaders.NAME),
                jar.header(cn.edu.cumt.union.api.plugin.PluginHeaders.NAME_EN), action.name(), installedVersion, uploadedBy,
                Instant.now(), jar.bytes().length, sha256(jar.bytes()), List.copyOf(checks));
        Path own = folder.resolve(jar.pluginId());
        Files.createDirectories(own);
        // the jar first: a review file always names a complete jar
        Path jarTemp = own.resolve(JAR + ".tmp");
        Files.write(jarTemp, jar.bytes());
        Files.move(jarTemp, own.resolve(JAR), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Properties properties = new Properties();
        put(properties, "id", review.pluginId());
        put(properties, "symbolicName", review.symbolicName());
        put(properties, "version", review.version());
        put(properties, "ownerUnit", review.ownerUnit());
        put(properties, "name", review.name());
        put(properties, "nameEn", review.nameEn());
        put(properties, "action", review.action());
        put(properties, "installedVersion", review.installedVersion());
        put(properties, "uploadedBy", review.uploadedBy());
        put(properties, "uploadedAt", review.uploadedAt().toString());
        put(properties, "sha256", review.sha256());
        for (int i = 0; i < checks.size(); i++) {
            put(properties, "check." + i, checks.get(i));
        }
        Path temp = own.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, "Unit plugin upload waiting for an operator's approval");
        }
        Files.move(temp, own.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return review;
    }

    List<PluginReviewDTO> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<PluginReviewDTO> reviews = new ArrayList<>();
        try (Stream<Path> folders = Files.list(folder)) {
            for (Path own : folders.sorted().toList()) {
                if (PluginRules.PLUGIN_ID.matcher(own.getFileName().toString()).matches()) {
                    read(own).ifPresent(pending -> reviews.add(pending.review()));
                }
            }
        }
        return reviews;
    }

    /** @return the held upload, its bytes checked against the digest taken when it was held */
    Optional<Pending> pending(String pluginId) throws IOException {
        if (pluginId == null || !PluginRules.PLUGIN_ID.matcher(pluginId).matches()) {
            return Optional.empty();
        }
        Path own = folder.resolve(pluginId);
        Optional<Pending> read = read(own);
        if (read.isEmpty()) {
            return read;
        }
        byte[] bytes = Files.readAllBytes(own.resolve(JAR));
        if (!sha256(bytes).equals(read.get().review().sha256())) {
            // changed on disk since it was checked: never install it
            throw ApiException.conflict("plugin.review-tampered", "待审核的插件文件已被改动，请驳回后重新上传",
                    "The held jar of " + pluginId + " no longer matches what was checked: reject it and upload again");
        }
        return Optional.of(new Pending(read.get().review(), bytes));
    }

    void remove(String pluginId) throws IOException {
        PluginInstaller.deleteFolder(folder.resolve(pluginId));
    }

    private static Optional<Pending> read(Path own) throws IOException {
        Path file = own.resolve(FILE);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(own.resolve(JAR))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        List<String> checks = new ArrayList<>();
        for (int i = 0; properties.containsKey("check." + i); i++) {
            checks.add(properties.getProperty("check." + i));
        }
        PluginReviewDTO review = new PluginReviewDTO(get(properties, "id"), get(properties, "symbolicName"),
                get(properties, "version"), get(properties, "ownerUnit"), get(properties, "name"), get(properties, "nameEn"),
                get(properties, "action"), get(properties, "installedVersion"), get(properties, "uploadedBy"),
                Instant.parse(properties.getProperty("uploadedAt")), Files.size(own.resolve(JAR)), get(properties, "sha256"),
                List.copyOf(checks));
        return Optional.of(new Pending(review, null));
    }

    private static void put(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    private static String get(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isEmpty() ? null : value;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
