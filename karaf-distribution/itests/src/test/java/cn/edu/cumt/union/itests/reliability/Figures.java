package cn.edu.cumt.union.itests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.edu.cumt.union.itests.Distribution;

/**
 * The counts one check reports, written to target/reliability/figures-{check}.properties even when
 * the check fails, so that bench/reliability can print them all in one table.
 */
final class Figures {

    private final String check;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, String> notes = new ConcurrentHashMap<>();

    Figures(String check) {
        this.check = check;
    }

    void add(String name, long delta) {
        counts.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(delta);
    }

    void inc(String name) {
        add(name, 1);
    }

    long get(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    void note(String name, String value) {
        notes.put(name, value);
    }

    void write() {
        Map<String, String> all = new TreeMap<>();
        counts.forEach((name, count) -> all.put(name, Long.toString(count.get())));
        all.putAll(notes);
        Path file = Distribution.workDirectory().resolve("reliability").resolve("figures-" + check + ".properties");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> entry : all.entrySet()) {
                    out.write(entry.getKey() + "=" + entry.getValue().replace('\n', ' ') + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[" + check + "] figures " + all);
    }
}
