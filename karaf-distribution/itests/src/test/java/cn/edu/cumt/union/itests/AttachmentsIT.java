package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attachments through a unit plugin that uses them (familyday's activities), over HTTP: the unit's
 * administrator attaches, its members download with safe headers, another unit's member gets 404,
 * disguised, oversized and path-trick uploads are refused or tamed, deleting the activity removes its
 * files, and the plugin's purge puts them into its export.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AttachmentsIT extends UnionKarafTestSupport {

    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()) };
    }

    private static String files(long activity, String name) {
        return "/api/attachments/familyday/activity/" + activity + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Test
    public void filesOfARecordReachOnlyThoseThePluginLetsSeeIt() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.unit(operator, "SAFETY");
        Fixtures.importMembers(operator, "AT0001,管理员甲,M,1980-01-01,13900000401,at1@cumt.edu.cn,MINING,ACTIVE,\n"
                + "AT0002,会员乙,F,1985-01-01,13900000402,at2@cumt.edu.cn,MINING,ACTIVE,\n"
                + "AT0003,外单位丙,F,1986-01-01,13900000403,at3@cumt.edu.cn,SAFETY,ACTIVE,\n");
        Rest admin = withToken(login(Fixtures.account(operator, "AT0001", mining), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(operator, "AT0002", null), Fixtures.PASSWORD));
        Rest outsider = withToken(login(Fixtures.account(operator, "AT0003", null), Fixtures.PASSWORD));

        installFamilyday(admin);
        long day = admin.post("/api/familyday/activities", Map.of("title", "家庭日", "startsAt",
                Instant.now().plusSeconds(86_400).toString())).json().path("id").asLong();

        Rest.Reply uploaded = admin.upload(files(day, "../../etc/程序单.pdf"), "application/octet-stream", PDF);
        assertEquals(uploaded.toString(), 201, uploaded.status());
        JsonNode file = uploaded.json();
        assertEquals("程序单.pdf", file.path("fileName").asText());
        assertEquals("application/pdf", file.path("contentType").asText());
        long fileId = file.path("id").asLong();

        Rest.Download download = member.download("/api/attachments/" + fileId);
        assertEquals(200, download.status());
        assertArrayEquals(PDF, download.body());
        assertEquals("application/pdf", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E7%A8%8B%E5%BA%8F%E5%8D%95.pdf",
                download.header("Content-Disposition"));
        assertEquals(1, member.get("/api/attachments/familyday/activity/" + day).json().size());

        // Trying to get in
        Rest.Reply foreign = outsider.get("/api/attachments/" + fileId);
        assertEquals(foreign.toString(), 404, foreign.status());
        assertEquals("attachment.not-found", foreign.json().path("code").asText());
        assertEquals(404, outsider.get("/api/attachments/familyday/activity/" + day).status());
        assertEquals(404, outsider.upload(files(day, "x.pdf"), "application/pdf", PDF).status());
        assertEquals("members see, managers change", 403, member.upload(files(day, "x.pdf"), "application/pdf", PDF).status());
        assertEquals(403, member.delete("/api/attachments/" + fileId).status());
        assertEquals(401, rest().get("/api/attachments/" + fileId).status());

        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Rest.Reply disguised = admin.upload(files(day, "报告.pdf"), "application/pdf", exe);
        assertEquals(disguised.toString(), 415, disguised.status());
        assertEquals("attachment.type-unsupported", disguised.json().path("code").asText());
        Rest.Reply renamed = admin.upload(files(day, "setup.exe"), "application/pdf", PDF);
        assertEquals(415, renamed.status());
        assertEquals("attachment.type-mismatch", renamed.json().path("code").asText());
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Rest.Reply oversized = admin.upload(files(day, "big.pdf"), "application/pdf", big);
        assertEquals(oversized.toString(), 413, oversized.status());
        assertEquals("attachment.too-large", oversized.json().path("code").asText());
        assertEquals("only the first file is kept", 1, admin.get("/api/attachments/familyday/activity/" + day).json().size());

        // The purge export carries the files of the plugin's remaining records
        long second = admin.post("/api/familyday/activities", Map.of("title", "秋季家庭日", "startsAt",
                Instant.now().plusSeconds(172_800).toString())).json().path("id").asLong();
        long kept = admin.upload(files(second, "海报.pdf"), "application/pdf", PDF).json().path("id").asLong();

        // Deleting the activity removes its files
        assertEquals(204, admin.delete("/api/familyday/activities/" + day).status());
        assertEquals("the file went with its activity", 404, admin.get("/api/attachments/" + fileId).status());
        assertEquals("another activity's file stays", 200, admin.download("/api/attachments/" + kept).status());

        assertEquals(200, admin.delete("/api/plugins/familyday").status());
        Rest.Reply purged = operator.post("/api/plugins/familyday/purge", Map.of("confirm", "familyday"));
        assertEquals(purged.toString(), 200, purged.status());
        Rest.Download export = operator.download(purged.json().path("download").asText());
        assertEquals(200, export.status());
        Set<String> entries = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries.add(entry.getName());
            }
        }
        assertTrue(entries.toString(), entries.contains("attachments/" + kept + ".pdf"));
        assertTrue(entries.toString(), entries.contains("attachments/index.csv"));
        assertTrue("the deleted activity's file is not in it", !entries.contains("attachments/" + fileId + ".pdf"));
    }
}
