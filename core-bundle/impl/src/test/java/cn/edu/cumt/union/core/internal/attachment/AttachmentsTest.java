package cn.edu.cumt.union.core.internal.attachment;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.notify.RealJpa;
import cn.edu.cumt.union.core.internal.org.TestDatabase;

/**
 * Attachments through the REST resource as each caller: the plugin "brand" lets members of unit 1
 * see its record "project/7" and its admins change it; everyone else tries to get in.
 */
public class AttachmentsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestDatabase db;
    private AttachmentStore store;
    private AttachmentResource resource;
    private AccessRegistry registry;
    private JpaTemplate pluginJpa;
    private AttachmentsImpl brandAttachments;
    private final List<String> audit = new ArrayList<>();
    private AttachmentSettings.Limits limits = new AttachmentSettings.Limits(4096, 3);

    private final UnionPrincipal unitAdmin = principal(1, 10L, 1L, Roles.UNIT_ADMIN);
    private final UnionPrincipal member = principal(2, 20L, 1L, Roles.MEMBER);
    private final UnionPrincipal otherUnitsMember = principal(3, 30L, 2L, Roles.MEMBER);

    private static UnionPrincipal principal(long account, Long member, Long unit, String role) {
        return new UnionPrincipal(account, "u" + account, member, unit, Set.of(role), Set.of(), "s" + account);
    }

    private static SecurityContext as(UnionPrincipal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal.hasRole(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        RealJpa real = new RealJpa(db);
        store = new AttachmentStore(real.template("union-core"), () -> limits, Clock.systemUTC());
        pluginJpa = real.template("union-brand");
        registry = new AccessRegistry();
        registry.put("brand", new AttachmentAccess() {
            @Override
            public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
                return recordType.equals("project") && recordId.equals("7") && Long.valueOf(1).equals(caller.memberUnitId());
            }

            @Override
            public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
                return maySee(caller, recordType, recordId) && caller.hasRole(Roles.UNIT_ADMIN);
            }
        });
        registry.put("broken", new AttachmentAccess() {
            @Override
            public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
                throw new IllegalStateException("plugin bug");
            }

            @Override
            public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
                return true;
            }
        });
        resource = new AttachmentResource(store, registry, new cn.edu.cumt.union.api.audit.AuditLog() {
            @Override
            public void record(String action, String targetType, String targetId, String detail) {
                audit.add(action + " " + detail);
            }

            @Override
            public void denied(String action, String targetType, String targetId, String detail) {
                audit.add("denied " + action);
            }
        });
        brandAttachments = new AttachmentsImpl(store, real.afterCommit(), "brand");
    }

    private AttachmentDTO upload(UnionPrincipal caller, String name, byte[] content) throws IOException {
        Response created = resource.upload(as(caller), "brand", "project", "7", name, new ByteArrayInputStream(content));
        assertEquals(201, created.getStatus());
        return (AttachmentDTO) created.getEntity();
    }

    private static int status(ThrowingCall call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(ThrowingCall call) {
        try {
            call.run();
            return "none";
        } catch (ApiException e) {
            return e.code();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    interface ThrowingCall {
        void run() throws IOException;
    }

    @Test
    public void anAdminUploadsAndAMemberOfTheUnitDownloadsWithSafeHeaders() throws Exception {
        AttachmentDTO stored = upload(unitAdmin, "申报书 (终稿).pdf", Samples.pdf());
        assertEquals("application/pdf", stored.contentType());
        assertEquals(Samples.pdf().length, stored.size());
        assertEquals("u1", stored.createdBy());
        assertEquals(1, resource.list(as(member), "brand", "project", "7").size());

        Response download = resource.download(as(member), stored.id());
        assertArrayEquals(Samples.pdf(), (byte[]) download.getEntity());
        assertEquals("application/pdf", download.getMediaType().toString());
        assertEquals("nosniff", download.getHeaderString("X-Content-Type-Options"));
        String disposition = download.getHeaderString("Content-Disposition");
        assertEquals("attachment; filename=\"___ (__).pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6%20%28%E7%BB%88%E7%A8%BF%29.pdf",
                disposition);
        assertTrue(download.getHeaderString("Content-Security-Policy").contains("sandbox"));
        assertTrue(audit.get(0).startsWith("attachment.upload brand/project/7 申报书 (终稿).pdf"));
    }

    @Test
    public void anotherUnitsMemberGetsNothingNotEvenThatTheFileExists() throws Exception {
        AttachmentDTO stored = upload(unitAdmin, "plan.pdf", Samples.pdf());
        assertEquals(404, status(() -> resource.download(as(otherUnitsMember), stored.id())));
        assertEquals("attachment.not-found", code(() -> resource.download(as(otherUnitsMember), stored.id())));
        assertEquals("the same answer as an id that does not exist", "attachment.not-found",
                code(() -> resource.download(as(otherUnitsMember), stored.id() + 1000)));
        assertEquals(404, status(() -> resource.list(as(otherUnitsMember), "brand", "project", "7")));
        assertEquals(404, status(() -> resource.delete(as(otherUnitsMember), stored.id())));
        assertEquals(404, status(() -> upload(otherUnitsMember, "x.pdf", Samples.pdf())));
        assertEquals("a member who may see may not change", 403, status(() -> upload(member, "x.pdf", Samples.pdf())));
        assertEquals(403, status(() -> resource.delete(as(member), stored.id())));
        assertEquals(1, store.list("brand", "project", "7").size());
    }

    @Test
    public void aPluginWithoutAnAccessOrWithABrokenOneLetsNobodyIn() {
        assertEquals(404, status(() -> resource.list(as(unitAdmin), "study", "session", "7")));
        assertEquals(404, status(() -> resource.upload(as(unitAdmin), "study", "session", "7", "a.pdf",
                new ByteArrayInputStream(Samples.pdf()))));
        assertEquals(404, status(() -> resource.upload(as(unitAdmin), "broken", "project", "7", "a.pdf",
                new ByteArrayInputStream(Samples.pdf()))));
        assertEquals("malformed parts answer like unknown records", 404,
                status(() -> resource.list(as(unitAdmin), "brand", "project", "7;drop")));
        assertEquals(404, status(() -> resource.list(as(unitAdmin), "Brand", "project", "7")));
    }

    @Test
    public void aDisguisedFileIsRefusedWith415() throws Exception {
        assertEquals("a renamed .exe", "attachment.type-unsupported", code(() -> upload(unitAdmin, "report.pdf", Samples.exe())));
        assertEquals(415, status(() -> upload(unitAdmin, "report.pdf", Samples.exe())));
        assertEquals("HTML as an image", "attachment.type-unsupported",
                code(() -> upload(unitAdmin, "a.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))));
        assertEquals("a legacy .doc", "attachment.type-unsupported", code(() -> upload(unitAdmin, "old.doc", Samples.ole())));
        assertEquals("a PDF named .exe", "attachment.type-mismatch", code(() -> upload(unitAdmin, "tool.exe", Samples.pdf())));
        assertEquals("a PDF named .png", "attachment.type-mismatch", code(() -> upload(unitAdmin, "a.png", Samples.pdf())));
        assertEquals("a direction override hiding .exe", "attachment.type-mismatch",
                code(() -> upload(unitAdmin, "invoice\u202Efdp.exe", Samples.pdf())));
        assertTrue(store.list("brand", "project", "7").isEmpty());
        assertEquals("a real workbook", FileTypes.XLSX.contentType(), upload(unitAdmin, "名单.xlsx", Samples.xlsx()).contentType());
    }

    @Test
    public void pathTricksInNamesOnlyEverNameTheFile() throws Exception {
        assertEquals("passwd.pdf", upload(unitAdmin, "../../../etc/passwd.pdf", Samples.pdf()).fileName());
        assertEquals("win.pdf", upload(unitAdmin, "..\\..\\windows\\win.pdf", Samples.pdf()).fileName());
        assertEquals("ab.pdf", upload(unitAdmin, "a\u0000\r\nb.pdf", Samples.pdf()).fileName());
        assertEquals("attachment.name-invalid", code(() -> upload(unitAdmin, "../", Samples.pdf())));
        assertEquals("attachment.name-invalid", code(() -> upload(unitAdmin, null, Samples.pdf())));
        assertEquals("attachment.name-invalid", code(() -> upload(unitAdmin, "x".repeat(201) + ".pdf", Samples.pdf())));
        String header = AttachmentResource.contentDisposition("a\";b.pdf");
        assertFalse("no quote breaks out of the header", header.substring(0, header.indexOf(';', 22)).contains("\";"));
    }

    @Test
    public void oversizedEmptyAndTooManyFilesAreRefused() throws Exception {
        byte[] big = new byte[4097];
        System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
        assertEquals(413, status(() -> upload(unitAdmin, "big.pdf", big)));
        assertEquals("attachment.too-large", code(() -> upload(unitAdmin, "big.pdf", big)));
        assertEquals("attachment.empty", code(() -> upload(unitAdmin, "none.pdf", new byte[0])));
        limits = new AttachmentSettings.Limits(8192, 3);
        assertEquals("a raised limit applies to the next upload", 4097, upload(unitAdmin, "big.pdf", big).size());
        upload(unitAdmin, "2.pdf", Samples.pdf());
        upload(unitAdmin, "3.pdf", Samples.pdf());
        assertEquals("attachment.too-many", code(() -> upload(unitAdmin, "4.pdf", Samples.pdf())));
        assertThrows(IllegalArgumentException.class, () -> new AttachmentSettings.Limits(AttachmentSettings.CEILING + 1, 3));
    }

    @Test
    public void filesGoWithTheRecordOnlyWhenThePluginsTransactionCommits() throws Exception {
        upload(unitAdmin, "a.pdf", Samples.pdf());
        upload(unitAdmin, "b.png", Samples.png());
        assertThrows(RuntimeException.class, () -> pluginJpa.tx(em -> {
            brandAttachments.removeAll("project", "7");
            throw new IllegalStateException("the record's removal fails");
        }));
        assertEquals(2, brandAttachments.list("project", "7").size());
        pluginJpa.tx(em -> {
            em.createNativeQuery("update UNION_UNIT set NAME_EN = 'x' where 1 = 0").executeUpdate();
            brandAttachments.removeAll("project", "7");
        });
        assertEquals(0, brandAttachments.list("project", "7").size());
        assertEquals("the bytes went too", 0L, (long) db.txExpr(em -> (Long) em.createQuery(
                "select count(c) from AttachmentContentEntity c").getSingleResult()));
        assertTrue("a bundle that is no plugin sees nothing",
                new AttachmentsImpl(store, null, (String) null).list("project", "7").isEmpty());
    }

    @Test
    public void aPurgePutsThePluginsFilesIntoItsExportAndLeavesOthers() throws Exception {
        AttachmentDTO pdf = upload(unitAdmin, "a.pdf", Samples.pdf());
        upload(unitAdmin, "b.docx", Samples.docx());
        AttachmentDTO others = store.store("study", "session", "1", "keep.png", new ByteArrayInputStream(Samples.png()), "x");
        Path zip = folder.getRoot().toPath().resolve("brand-export.zip");
        Files.write(zip, Samples.zip(Map.of("BRAND_PROJECT.csv", "ID\n7\n")));

        assertEquals(2, store.purge("brand", zip));
        try (ZipFile export = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(export.entries()).stream().map(java.util.zip.ZipEntry::getName).sorted().toList();
            assertTrue(names.toString(), names.contains("BRAND_PROJECT.csv"));
            assertTrue(names.toString(), names.contains("attachments/" + pdf.id() + ".pdf"));
            assertTrue(names.toString(), names.contains("attachments/index.csv"));
            assertArrayEquals(Samples.pdf(), export.getInputStream(export.getEntry("attachments/" + pdf.id() + ".pdf")).readAllBytes());
            String index = new String(export.getInputStream(export.getEntry("attachments/index.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(index, index.contains("b.docx"));
        }
        assertTrue(store.list("brand", "project", "7").isEmpty());
        assertEquals(1, store.list("study", "session", "1").size());
        assertNotEquals(null, store.content(others.id()));
        assertEquals("nothing to purge leaves the zip alone", 0, store.purge("brand", zip));
    }
}
