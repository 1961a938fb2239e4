package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded jar once, with bounds, and says whether the framework and our checks would see
 * the same jar. The checks read the entries one after the other from the local headers (as
 * {@code JarInputStream} does); Felix opens the bundle with {@code java.util.zip.ZipFile}, which
 * goes by the central directory. A jar where the two disagree (a second manifest, an entry hidden
 * from one of them, other sizes or checksums) could pass the checks with one content and run with
 * another, so it is refused. Here the layout must be plain: the entries one after the other from
 * offset 0, then the central directory, then its end record with no comment.
 *
 * <p>Nothing is inflated before the central directory's declared sizes are within the limits, and
 * reading stops at the limits whatever the headers say, so a zip bomb costs little. Pure logic.
 */
final class JarIntegrity {

    /** Bounds on what a jar may inflate to. */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
        /** Entries smaller than this are never refused for their ratio (a short run of spaces compresses well). */
        static final long RATIO_FLOOR = 1 << 20;
    }

    /**
     * What the scan found.
     *
     * @param entries  the contents of the file entries (not directories), by name, in jar order;
     *                 complete only when {@link #complete()}
     * @param manifest the manifest's main attributes, or null when there is none or it could not be read
     * @param problems what is wrong, bilingual
     * @param complete false when the scan stopped early (a limit, an unreadable jar)
     */
    record Scan(Map<String, byte[]> entries, Attributes manifest, List<String> problems, boolean complete) {

        /** @return whether the manifest names an owning unit, or null when no manifest could be read */
        Boolean declaresUnitPlugin() {
            if (manifest == null) {
                return null;
            }
            String unit = manifest.getValue(cn.edu.cumt.union.api.plugin.PluginHeaders.OWNER_UNIT);
            return unit != null && !unit.isBlank();
        }
    }

    static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final List<String> ARCHIVES = List.of(".jar", ".zip", ".war", ".ear", ".rar", ".jmod");
    private static final List<String> NATIVE = List.of(".so", ".dll", ".dylib", ".jnilib", ".a", ".lib");

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private JarIntegrity() {
    }

    /** One entry of the central directory. */
    private record Central(String name, byte[] rawName, int flags, int method, long crc, long compressedSize,
            long size, long localOffset) {
    }

    static Scan scan(byte[] jar, Limits limits) {
        List<String> problems = new ArrayList<>();
        List<Central> central = centralDirectory(jar, problems);
        if (central == null) {
            return stopped(jar, limits, problems);
        }
        if (central.size() > limits.maxEntries()) {
            problems.add("jar 包条目过多（" + central.size() + "，上限 " + limits.maxEntries() + "）/ the jar has " + central.size()
                    + " entries, more than " + limits.maxEntries());
            return stopped(jar, limits, problems);
        }
        if (!declaredSizesWithin(jar.length, central, limits, problems)) {
            return stopped(jar, limits, problems);
        }
        checkNames(central, problems);
        if (!checkLayout(jar, central, problems)) {
            return stopped(jar, limits, problems);
        }
        return readLocal(jar, central, limits, problems);
    }

    /** A scan that stopped early still says whose jar it is, if the manifest comes first as JarInputStream wants it. */
    private static Scan stopped(byte[] jar, Limits limits, List<String> problems) {
        return new Scan(Map.of(), peekManifest(jar, Math.min(limits.maxEntryBytes(), 1 << 20)), problems, false);
    }

    /** The manifest among the first two entries (where JarInputStream looks), read with a bound; null when not there. */
    static Attributes peekManifest(byte[] jar, long max) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (int i = 0; i < 2; i++) {
                ZipEntry entry = in.getNextEntry();
                if (entry == null) {
                    return null;
                }
                if (entry.getName().equalsIgnoreCase(MANIFEST)) {
                    byte[] content = in.readNBytes((int) max + 1);
                    return content.length > max ? null : new Manifest(new ByteArrayInputStream(content)).getMainAttributes();
                }
                if (!entry.getName().equalsIgnoreCase("META-INF/")) {
                    return null;
                }
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Parses the central directory; null (with a problem) when it is missing or unusual. */
    private static List<Central> centralDirectory(byte[] jar, List<String> problems) {
        int end = jar.length - 22;
        if (end < 0 || u32(jar, end) != END) {
            problems.add("jar 包结尾记录缺失或带注释 / the jar has no plain end-of-central-directory record (a comment or trailing data is not allowed)");
            return null;
        }
        int disk = u16(jar, end + 4);
        int cdDisk = u16(jar, end + 6);
        int onDisk = u16(jar, end + 8);
        int total = u16(jar, end + 10);
        long cdSize = u32(jar, end + 12);
        long cdOffset = u32(jar, end + 16);
        if (disk != 0 || cdDisk != 0 || onDisk != total || total == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL
                || cdOffset + cdSize != end) {
            problems.add("jar 包中央目录异常（分卷、ZIP64 或位置不符）/ the jar's central directory is split, ZIP64 or not where its end record says");
            return null;
        }
        List<Central> entries = new ArrayList<>(total);
        int at = (int) cdOffset;
        for (int i = 0; i < total; i++) {
            if (at + 46 > end || u32(jar, at) != CENTRAL) {
                problems.add("jar 包中央目录损坏 / the jar's central directory is damaged");
                return null;
            }
            int nameLength = u16(jar, at + 28);
            int extraLength = u16(jar, at + 30);
            int commentLength = u16(jar, at + 32);
            if (at + 46 + nameLength + extraLength + commentLength > end) {
                problems.add("jar 包中央目录损坏 / the jar's central directory is damaged");
                return null;
            }
            byte[] rawName = java.util.Arrays.copyOfRange(jar, at + 46, at + 46 + nameLength);
            long compressed = u32(jar, at + 20);
            long size = u32(jar, at + 24);
            long offset = u32(jar, at + 42);
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                problems.add("jar 包使用 ZIP64 / the jar uses ZIP64, which a plugin never needs");
                return null;
            }
            entries.add(new Central(new String(rawName, StandardCharsets.UTF_8), rawName, u16(jar, at + 8), u16(jar, at + 10),
                    u32(jar, at + 16), compressed, size, offset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        if (at != end) {
            problems.add("jar 包中央目录长度不符 / the jar's central directory does not fill the space its end record gives it");
            return null;
        }
        return entries;
    }

    private static boolean declaredSizesWithin(long jarLength, List<Central> central, Limits limits, List<String> problems) {
        long total = 0;
        boolean within = true;
        for (Central entry : central) {
            total += entry.size();
            if (entry.size() > limits.maxEntryBytes()) {
                problems.add("条目 " + entry.name() + " 解压后过大 / the entry " + entry.name() + " inflates to " + entry.size()
                        + " bytes, more than " + limits.maxEntryBytes());
                within = false;
            } else if (entry.size() > Limits.RATIO_FLOOR && entry.size() > (long) limits.maxRatio() * Math.max(1, entry.compressedSize())) {
                problems.add("条目 " + entry.name() + " 压缩比异常（疑似压缩炸弹）/ the entry " + entry.name()
                        + " inflates more than " + limits.maxRatio() + " times (a zip bomb?)");
                within = false;
            }
        }
        if (total > limits.maxTotalBytes()) {
            problems.add("jar 包解压后过大 / the jar inflates to " + total + " bytes, more than " + limits.maxTotalBytes());
            within = false;
        } else if (total > Limits.RATIO_FLOOR && total > (long) limits.maxRatio() * Math.max(1, jarLength)) {
            problems.add("jar 包压缩比异常（疑似压缩炸弹）/ the jar inflates more than " + limits.maxRatio() + " times its size (a zip bomb?)");
            within = false;
        }
        return within;
    }

    private static void checkNames(List<Central> central, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        for (Central entry : central) {
            String name = entry.name();
            // Case and a trailing slash aside: JarInputStream finds the manifest ignoring case, Felix does not.
            String key = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).toLowerCase(Locale.ROOT);
            String before = seen.putIfAbsent(key, name);
            if (before != null) {
                problems.add("jar 包含重复条目 " + name + " / the jar holds " + name + " twice (as " + before + " and " + name + ")");
            }
            if (key.equals(MANIFEST.toLowerCase(Locale.ROOT)) && !name.equals(MANIFEST)) {
                problems.add("清单文件名大小写不规范 / the manifest must be named exactly " + MANIFEST + ", not " + name);
            }
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                    || List.of(name.split("/")).contains("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add("条目名非法（绝对路径或 ..）/ the entry name " + printable(name) + " is absolute, climbs with .. or holds control characters");
            }
            if ((entry.flags() & 1) != 0) {
                problems.add("条目 " + name + " 已加密 / the entry " + name + " is encrypted");
            }
            if (entry.method() != ZipEntry.STORED && entry.method() != ZipEntry.DEFLATED) {
                problems.add("条目 " + name + " 的压缩方式不受支持 / the entry " + name + " uses compression method " + entry.method());
            }
            if (name.endsWith("/")) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (ARCHIVES.stream().anyMatch(lower::endsWith)) {
                problems.add("不允许内嵌压缩包 " + name + " / the jar may not hold another archive: " + name);
            }
            if (NATIVE.stream().anyMatch(lower::endsWith)) {
                problems.add("不允许本地代码 " + name + " / the jar may not hold native code: " + name);
            }
            if (lower.startsWith("meta-inf/versions/")) {
                problems.add("不允许多版本类 " + name + " / the jar may not hold multi-release classes: " + name);
            }
        }
    }

    /**
     * The entries must lie one after the other from offset 0, each local header naming what the
     * central directory names, and the central directory must follow the last one. Then the local
     * headers read in sequence and the central directory point at the very same bytes.
     */
    private static boolean checkLayout(byte[] jar, List<Central> central, List<String> problems) {
        List<Central> byOffset = new ArrayList<>(central);
        byOffset.sort(Comparator.comparingLong(Central::localOffset));
        long expected = 0;
        int cdOffset = (int) u32(jar, jar.length - 22 + 16);
        for (Central entry : byOffset) {
            long at = entry.localOffset();
            if (at != expected || at + 30 > cdOffset || u32(jar, (int) at) != LOCAL) {
                problems.add("jar 包结构异常：条目 " + entry.name() + " 的本地头与中央目录不一致 / the local header of " + entry.name()
                        + " is not where the central directory says, or data is hidden between entries");
                return false;
            }
            int start = (int) at;
            int flags = u16(jar, start + 6);
            int method = u16(jar, start + 8);
            int nameLength = u16(jar, start + 26);
            int extraLength = u16(jar, start + 28);
            long dataEnd = at + 30 + nameLength + extraLength + entry.compressedSize();
            if (dataEnd > cdOffset || !java.util.Arrays.equals(jar, start + 30, start + 30 + nameLength, entry.rawName(), 0,
                    entry.rawName().length) || method != entry.method() || (flags & 8) != (entry.flags() & 8)) {
                problems.add("条目 " + entry.name() + " 的本地头与中央目录不一致 / the local header of " + entry.name()
                        + " disagrees with the central directory (name, method or flags)");
                return false;
            }
            if ((flags & 8) == 0 && (u32(jar, start + 14) != entry.crc() || u32(jar, start + 18) != entry.compressedSize()
                    || u32(jar, start + 22) != entry.size())) {
                problems.add("条目 " + entry.name() + " 的大小或校验和与中央目录不一致 / the local header of " + entry.name()
                        + " gives other sizes or CRC than the central directory");
                return false;
            }
            if ((flags & 8) != 0) {
                if (dataEnd + 12 > cdOffset) {
                    problems.add("条目 " + entry.name() + " 的数据描述符缺失 / the data descriptor of " + entry.name() + " is missing");
                    return false;
                }
                int descriptor = (int) dataEnd;
                boolean signed = u32(jar, descriptor) == DESCRIPTOR;
                int fields = signed ? descriptor + 4 : descriptor;
                if (fields + 12 > cdOffset || u32(jar, fields) != entry.crc() || u32(jar, fields + 4) != entry.compressedSize()
                        || u32(jar, fields + 8) != entry.size()) {
                    problems.add("条目 " + entry.name() + " 的数据描述符与中央目录不一致 / the data descriptor of " + entry.name()
                            + " disagrees with the central directory");
                    return false;
                }
                dataEnd = fields + 12L;
            }
            expected = dataEnd;
        }
        if (expected != cdOffset) {
            problems.add("jar 包在条目与中央目录之间藏有数据 / the jar hides data between its last entry and the central directory");
            return false;
        }
        return true;
    }

    /** Reads the entries as JarInputStream does, bounded, and compares each with the central directory. */
    private static Scan readLocal(byte[] jar, List<Central> central, Limits limits, List<String> problems) {
        List<Central> byOffset = new ArrayList<>(central);
        byOffset.sort(Comparator.comparingLong(Central::localOffset));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        Attributes manifest = null;
        long total = 0;
        byte[] buffer = new byte[8192];
        int index = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (index >= byOffset.size()) {
                    problems.add("jar 包的本地条目多于中央目录 / the jar holds more entries than its central directory lists");
                    return new Scan(contents, manifest, problems, false);
                }
                Central expected = byOffset.get(index++);
                if (!entry.getName().equals(expected.name())) {
                    problems.add("条目 " + entry.getName() + " 与中央目录不一致 / the entry " + entry.getName()
                            + " is not the one the central directory lists there (" + expected.name() + ")");
                    return new Scan(contents, manifest, problems, false);
                }
                // Never more than the declared size (already within the limits) plus one byte to see a lie.
                long allowed = Math.min(expected.size(), limits.maxEntryBytes());
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(allowed, 1 << 16));
                CRC32 crc = new CRC32();
                long read = 0;
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, allowed - read + 1))) > 0) {
                    read += n;
                    if (read > allowed || total + read > limits.maxTotalBytes()) {
                        problems.add("条目 " + entry.getName() + " 解压后超过声明的大小 / the entry " + entry.getName()
                                + " inflates beyond its declared size or the limits (a zip bomb?)");
                        return new Scan(contents, manifest, problems, false);
                    }
                    crc.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                total += read;
                if (read != expected.size() || crc.getValue() != expected.crc()) {
                    problems.add("条目 " + entry.getName() + " 的内容与中央目录不一致 / the content of " + entry.getName()
                            + " does not match the size or CRC in the central directory");
                    return new Scan(contents, manifest, problems, false);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = out.toByteArray();
                contents.put(entry.getName(), content);
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new Manifest(new ByteArrayInputStream(content)).getMainAttributes();
                }
                if (content.length >= 4 && (content[0] & 0xff) == 0x7f && content[1] == 'E' && content[2] == 'L' && content[3] == 'F') {
                    problems.add("不允许本地代码 " + entry.getName() + " / the jar may not hold native code: " + entry.getName());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            problems.add("jar 包无法读取 / the jar cannot be read: " + unreadable.getMessage());
            return new Scan(contents, manifest, problems, false);
        }
        if (index != byOffset.size()) {
            problems.add("jar 包的中央目录列出了读不到的条目 / the central directory lists entries that are not in the jar");
            return new Scan(contents, manifest, problems, false);
        }
        return new Scan(contents, manifest, problems, true);
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static int u16(byte[] b, int at) {
        if (at < 0 || at + 2 > b.length) {
            return -1;
        }
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        if (at < 0 || at + 4 > b.length) {
            return -1;
        }
        return ((long) (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (long) (b[at + 3] & 0xff) << 24)
                & 0xFFFFFFFFL;
    }
}
