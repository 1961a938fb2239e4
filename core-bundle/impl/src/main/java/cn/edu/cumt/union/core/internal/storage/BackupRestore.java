package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Puts a backup made by {@code union:backup} back in place, with the platform STOPPED. Run by
 * {@code karaf-distribution/run-platform restore <backup>}: checks every file against the manifest
 * (size and sha256; a missing, changed or unlisted file refuses the whole restore), then moves the
 * current {@code data/} and {@code etc/} aside into {@code restore-aside-<time>/} (nothing is deleted)
 * and copies the backup's {@code home/} over the platform's home. Karaf's bundle cache is not in a
 * backup: the next start installs the features again and the core reinstalls the recorded plugins
 * from their kept jars. Plain JDK only.
 */
public final class BackupRestore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupRestore() {
    }

    /** {@code BackupRestore <platform home> <backup folder>}; exit 0 restored, 1 refused, 2 usage. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BackupRestore <platform home> <backup folder>");
            System.exit(2);
        }
        try {
            Path aside = restore(Paths.get(args[0]), Paths.get(args[1]));
            System.out.println("恢复完成 Restored " + args[1] + " into " + args[0] + "; what was there is kept in " + aside);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("恢复被拒绝 Restore refused: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * @return the folder the replaced data/ and etc/ were moved into
     * @throws IllegalArgumentException when the backup is not intact (nothing is changed then)
     */
    public static Path restore(Path home, Path backup) throws IOException {
        home = home.toAbsolutePath().normalize();
        backup = backup.toAbsolutePath().normalize();
        BackupManifest manifest = BackupManifest.read(backup);
        List<String> problems = manifest.problems(backup);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("备份不完整或被改动 the backup does not match its manifest:\n  "
                    + String.join("\n  ", problems));
        }
        if (manifest.files().isEmpty()) {
            throw new IllegalArgumentException("备份为空 the backup holds no file");
        }
        if (home.startsWith(backup) || backup.startsWith(home.resolve("data")) || backup.startsWith(home.resolve("etc"))) {
            throw new IllegalArgumentException("备份位置不可用 keep the backup outside the platform's data/ and etc/: " + backup);
        }
        Path aside = home.resolve("restore-aside-" + LocalDateTime.now().format(STAMP));
        for (int n = 2; Files.exists(aside); n++) {
            aside = home.resolve("restore-aside-" + LocalDateTime.now().format(STAMP) + "-" + n);
        }
        Files.createDirectories(aside);
        for (String part : List.of("data", "etc")) {
            if (Files.exists(home.resolve(part))) {
                Files.move(home.resolve(part), aside.resolve(part));
            }
        }
        Path source = backup.resolve(BackupManifest.HOME);
        for (BackupManifest.Entry entry : manifest.files()) {
            Path target = home.resolve(entry.path());
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve(entry.path()), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(home.resolve("data/tmp"));
        return aside;
    }
}
