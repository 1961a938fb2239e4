package cn.edu.cumt.union.core.internal.plugin;

import static cn.edu.cumt.union.core.internal.plugin.FenceJars.utf8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.core.internal.plugin.FenceJars.RawZip;

public class JarIntegrityTest {

    private static final JarIntegrity.Limits LIMITS = new JarIntegrity.Limits(10_000, 32L << 20, 128L << 20, 100);
    private static final byte[] MANIFEST = FenceJars.manifestBytes(FenceJars.unitManifest());

    @Test
    public void aJarWrittenTheOrdinaryWayIsReadInFull() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/persistence.xml", utf8(TestJars.persistence("union-plugin-outing")));
        entries.put("cn/x/", new byte[0]);
        entries.put("cn/x/readme.txt", utf8("hello ".repeat(1000)));
        JarIntegrity.Scan scan = JarIntegrity.scan(FenceJars.jar(FenceJars.unitManifest(), entries), LIMITS);
        assertEquals(List.of(), scan.problems());
        assertTrue(scan.complete());
        assertEquals(Boolean.TRUE, scan.declaresUnitPlugin());
        assertEquals("hello ".repeat(1000), new String(scan.entries().get("cn/x/readme.txt"), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void twoManifestsAreRefused() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.add("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\r\nBundle-SymbolicName: evil\r\n\r\n"));
        assertRefused(zip.bytes(), "META-INF/MANIFEST.MF twice");
    }

    @Test
    public void aManifestThatDiffersOnlyInCaseIsRefused() {
        // JarInputStream would take the first, Felix the second
        RawZip zip = new RawZip();
        zip.add("meta-inf/manifest.mf", MANIFEST);
        zip.add("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\r\n\r\n"));
        String problems = assertRefused(zip.bytes(), "twice");
        assertTrue(problems, problems.contains("must be named exactly META-INF/MANIFEST.MF"));
    }

    @Test
    public void namesThatDifferByATrailingSlashAreDuplicates() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.add("cn/x", utf8("a file"));
        zip.add("cn/x/", new byte[0]);
        assertRefused(zip.bytes(), "cn/x/ twice");
    }

    @Test
    public void nestedArchivesAndNativeCodeAreRefused() {
        for (String name : List.of("lib/inner.jar", "lib/inner.ZIP", "x.war", "x.ear", "x.rar", "x.jmod", "libevil.so", "evil.dll",
                "evil.dylib", "evil.jnilib", "evil.a", "evil.lib")) {
            RawZip zip = new RawZip();
            zip.add("META-INF/MANIFEST.MF", MANIFEST);
            zip.add(name, utf8("not really"));
            assertRefused(zip.bytes(), name);
        }
        RawZip elf = new RawZip();
        elf.add("META-INF/MANIFEST.MF", MANIFEST);
        elf.add("data.bin", new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 });
        assertRefused(elf.bytes(), "native code: data.bin");
    }

    @Test
    public void absoluteAndClimbingNamesAreRefused() {
        for (String name : List.of("/etc/cron.d/evil", "../../evil.txt", "cn/../../evil", "C:/evil", "cn\\evil")) {
            RawZip zip = new RawZip();
            zip.add("META-INF/MANIFEST.MF", MANIFEST);
            zip.add(name, utf8("x"));
            assertRefused(zip.bytes(), "absolute, climbs");
        }
    }

    @Test
    public void multiReleaseEntriesAreRefused() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.add("META-INF/versions/17/cn/x/A.class", utf8("x"));
        assertRefused(zip.bytes(), "multi-release");
    }

    @Test
    public void aCentralDirectoryThatNamesAnotherEntryIsRefused() {
        // the checks would read evil.txt's bytes as readme.txt, the framework the other way round
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.add("readme.txt", utf8("harmless")).centralName = "evil.txt";
        assertRefused(zip.bytes(), "disagrees with the central directory");
    }

    @Test
    public void aCentralDirectoryWithOtherSizesOrCrcIsRefused() {
        RawZip crc = new RawZip();
        crc.add("META-INF/MANIFEST.MF", MANIFEST);
        crc.add("readme.txt", utf8("harmless")).centralCrc = 12345L;
        assertRefused(crc.bytes(), "other sizes or CRC");
        RawZip size = new RawZip();
        size.add("META-INF/MANIFEST.MF", MANIFEST);
        size.add("readme.txt", utf8("harmless")).centralSize = 3L;
        assertRefused(size.bytes(), "other sizes or CRC");
    }

    @Test
    public void anEntryHiddenFromTheCentralDirectoryIsRefused() {
        // JarInputStream would see hidden.class, the framework would not (or the other way round)
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.add("hidden.txt", utf8("only in the local headers")).inCentral = false;
        zip.add("readme.txt", utf8("harmless"));
        assertRefused(zip.bytes(), "not where the central directory says");
    }

    @Test
    public void trailingDataIsRefused() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        zip.trailing = utf8("a comment");
        assertRefused(zip.bytes(), "no plain end-of-central-directory record");
    }

    @Test
    public void aZipBombIsRefusedWithoutInflatingIt() {
        // 512 MiB of zeros in about 500 KiB: refused from the central directory alone
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        RawZip.Entry bomb = RawZip.bomb("bomb.txt", 512L << 20);
        zip.entries.add(bomb);
        long started = System.nanoTime();
        JarIntegrity.Scan scan = JarIntegrity.scan(zip.bytes(), LIMITS);
        assertFalse(scan.complete());
        assertTrue(scan.problems().toString(), scan.problems().toString().contains("bomb.txt inflates to 536870912 bytes"));
        assertEquals("the manifest is still known, so the installer can refuse at once", Boolean.TRUE, scan.declaresUnitPlugin());
        assertTrue("refused without inflating", System.nanoTime() - started < 2_000_000_000L);
    }

    @Test
    public void aZipBombThatLiesAboutItsSizeStopsAtTheDeclaredSize() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        RawZip.Entry bomb = RawZip.bomb("bomb.txt", 64L << 20);
        bomb.centralSize = 1000L;
        bomb.localSize = 1000L;
        zip.entries.add(bomb);
        JarIntegrity.Scan scan = JarIntegrity.scan(zip.bytes(), LIMITS);
        assertFalse(scan.complete());
        assertTrue(scan.problems().toString(), scan.problems().toString().contains("bomb.txt inflates beyond its declared size"));
    }

    @Test
    public void tooManyEntriesAreRefused() {
        RawZip zip = new RawZip();
        zip.add("META-INF/MANIFEST.MF", MANIFEST);
        for (int i = 0; i < 20; i++) {
            zip.add("r" + i + ".txt", utf8("x"));
        }
        JarIntegrity.Scan scan = JarIntegrity.scan(zip.bytes(), new JarIntegrity.Limits(10, 1 << 20, 1 << 20, 100));
        assertFalse(scan.complete());
        assertTrue(scan.problems().toString(), scan.problems().toString().contains("21 entries, more than 10"));
    }

    private static String assertRefused(byte[] jar, String expected) {
        JarIntegrity.Scan scan = JarIntegrity.scan(jar, LIMITS);
        String problems = String.join("\n", scan.problems());
        assertTrue("expected a problem with '" + expected + "', got:\n" + problems, problems.contains(expected));
        return problems;
    }
}
