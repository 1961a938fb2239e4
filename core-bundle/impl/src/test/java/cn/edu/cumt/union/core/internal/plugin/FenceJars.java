package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Attack jars for the fence tests, made in the test: Java sources compiled with the JDK's compiler
 * into class files, jars written the ordinary way, and raw zips written byte by byte where the
 * ordinary writers refuse to make them (two entries with one name, headers that disagree).
 */
final class FenceJars {

    static final String PACKAGE = "cn.edu.cumt.union.plugin.evil.internal";

    private FenceJars() {
    }

    /** The settings' defaults, as Config Admin gives them when etc/ sets nothing. */
    static PluginConfig defaults() {
        return cn.edu.cumt.union.core.internal.config.LiveConfig.defaults(PluginConfig.class);
    }

    static UnitPluginFence fence() {
        return new UnitPluginFence(defaults(), FenceJars.class.getClassLoader());
    }

    /**
     * Compiles sources (simple class name to the body of a file in {@link #PACKAGE}) against the test
     * class path, and returns the class files by jar entry name.
     */
    static Map<String, byte[]> compile(Path folder, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(folder.resolve("src"));
            Path out = Files.createDirectories(folder.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path")));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey() + ".java");
                Files.writeString(file, "package " + PACKAGE + ";\n" + source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, null, errors, arguments.toArray(new String[0]));
            if (status != 0) {
                throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    classes.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest unitManifest() {
        Manifest manifest = new Manifest();
        TestJars.unitPlugin().headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        return manifest;
    }

    /** A jar as JarOutputStream (and so bnd) writes it: deflated entries with data descriptors. */
    static byte[] jar(Manifest manifest, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] manifestBytes(Manifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            manifest.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip written byte by byte: each entry may lie in the central directory, or be missing from it. */
    static final class RawZip {

        /** One entry; the central-directory fields default to the truth. */
        static final class Entry {
            final String name;
            final byte[] data;
            boolean deflate = true;
            String centralName;
            Long centralSize;
            Long centralCrc;
            Long localSize;
            boolean inCentral = true;
            /** Compressed data given by the test (a bomb), with its true size and CRC. */
            byte[] compressed;
            long size = -1;
            long crc = -1;

            Entry(String name, byte[] data) {
                this.name = name;
                this.data = data;
            }
        }

        final List<Entry> entries = new ArrayList<>();
        byte[] trailing = new byte[0];

        Entry add(String name, byte[] data) {
            Entry entry = new Entry(name, data);
            entries.add(entry);
            return entry;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream central = new ByteArrayOutputStream();
            int count = 0;
            for (Entry entry : entries) {
                byte[] compressed = entry.compressed != null ? entry.compressed : entry.deflate ? deflate(entry.data) : entry.data;
                long size = entry.compressed != null ? entry.size : entry.data.length;
                long crc = entry.compressed != null ? entry.crc : crc(entry.data);
                byte[] name = utf8(entry.name);
                int offset = out.size();
                int method = entry.deflate ? 8 : 0;
                int32(out, 0x04034b50);
                int16(out, 20);
                int16(out, 0x800);
                int16(out, method);
                int32(out, 0);
                int32(out, crc);
                int32(out, compressed.length);
                int32(out, entry.localSize != null ? entry.localSize : size);
                int16(out, name.length);
                int16(out, 0);
                out.writeBytes(name);
                out.writeBytes(compressed);
                if (!entry.inCentral) {
                    continue;
                }
                count++;
                byte[] centralName = utf8(entry.centralName != null ? entry.centralName : entry.name);
                int32(central, 0x02014b50);
                int16(central, 20);
                int16(central, 20);
                int16(central, 0x800);
                int16(central, method);
                int32(central, 0);
                int32(central, entry.centralCrc != null ? entry.centralCrc : crc);
                int32(central, compressed.length);
                int32(central, entry.centralSize != null ? entry.centralSize : size);
                int16(central, centralName.length);
                int16(central, 0);
                int16(central, 0);
                int16(central, 0);
                int16(central, 0);
                int32(central, 0);
                int32(central, offset);
                central.writeBytes(centralName);
            }
            int centralOffset = out.size();
            out.writeBytes(central.toByteArray());
            int32(out, 0x06054b50);
            int16(out, 0);
            int16(out, 0);
            int16(out, count);
            int16(out, count);
            int32(out, central.size());
            int32(out, centralOffset);
            int16(out, trailing.length);
            out.writeBytes(trailing);
            return out.toByteArray();
        }

        /** Deflates {@code size} zero bytes without holding them: a bomb's entry. */
        static Entry bomb(String name, long size) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            byte[] zeros = new byte[1 << 16];
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CRC32 crc = new CRC32();
            for (long left = size; left > 0; left -= zeros.length) {
                int n = (int) Math.min(zeros.length, left);
                crc.update(zeros, 0, n);
                deflater.setInput(zeros, 0, n);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            Entry entry = new Entry(name, new byte[0]);
            entry.compressed = out.toByteArray();
            entry.size = size;
            entry.crc = crc.getValue();
            return entry;
        }

        private static byte[] deflate(byte[] data) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        }

        private static long crc(byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return crc.getValue();
        }

        private static void int16(ByteArrayOutputStream out, int value) {
            out.write(value & 0xff);
            out.write(value >>> 8 & 0xff);
        }

        private static void int32(ByteArrayOutputStream out, long value) {
            int16(out, (int) (value & 0xffff));
            int16(out, (int) (value >>> 16 & 0xffff));
        }
    }
}
