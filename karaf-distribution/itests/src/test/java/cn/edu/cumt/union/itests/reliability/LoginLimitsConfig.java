package cn.edu.cumt.union.itests.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The login limits (per username and per source address) a Karaf really runs with: the defaults the core's metatype declares (its jar in
 * system/), overridden by etc/cn.edu.cumt.union.auth.cfg. The delay steps are the core's constants
 * (LoginLimits: 250 ms doubling per further failure, at most 2 s), which no configuration changes.
 */
record LoginLimitsConfig(int delayAfter, int lockAfter, int lockMinutes, int sourceDelayAfter, int sourceBlockAfter,
        int sourceBlockMinutes) {

    static final long FIRST_DELAY_MILLIS = 250;
    static final long MAX_DELAY_MILLIS = 2000;
    private static final String METATYPE = "OSGI-INF/metatype/cn.edu.cumt.union.core.internal.auth.AuthConfig.xml";

    static LoginLimitsConfig of(Path karafHome) throws IOException {
        String metatype;
        Path jar;
        try (Stream<Path> files = Files.walk(karafHome.resolve("system/cn/edu/cumt/union/union-core"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("union-core-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no union-core jar in " + karafHome));
        }
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(METATYPE))) {
            metatype = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Properties cfg = new Properties();
        Path file = karafHome.resolve("etc/cn.edu.cumt.union.auth.cfg");
        if (Files.exists(file)) {
            cfg.load(new StringReader(Files.readString(file)));
        }
        return new LoginLimitsConfig(value("login.delay.after", metatype, cfg), value("login.lock.after", metatype, cfg),
                value("login.lock.minutes", metatype, cfg), value("login.source.delay.after", metatype, cfg),
                value("login.source.block.after", metatype, cfg), value("login.source.block.minutes", metatype, cfg));
    }

    private static int value(String key, String metatype, Properties cfg) {
        String configured = cfg.getProperty(key);
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        Matcher ad = Pattern.compile("<AD id=\"" + Pattern.quote(key) + "\"[^>]*default=\"(\\d+)\"").matcher(metatype);
        if (!ad.find()) {
            throw new IllegalStateException("the core's metatype has no default for " + key);
        }
        return Integer.parseInt(ad.group(1));
    }

    /** The least time an attempt waits when this many failures of its username precede it. */
    long delayBefore(int failures) {
        return delay(failures, delayAfter);
    }

    /** The least time an attempt waits when this many failures from its source address precede it. */
    long sourceDelayBefore(int failures) {
        return delay(failures, sourceDelayAfter);
    }

    private static long delay(int failures, int after) {
        if (failures < after) {
            return 0;
        }
        return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(failures - after, 10));
    }
}
