package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.api.rest.ApiException;

/** Uploads held for review: kept whole across a restart, replaced by a newer upload, never installed if changed. */
public class PluginReviewsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aHeldUploadIsReadBackAsItWasChecked() throws Exception {
        PluginJar jar = TestJars.unitPlugin().read();
        PluginReviews reviews = new PluginReviews(folder.getRoot().toPath());
        PluginReviewDTO held = reviews.hold(jar, PluginRules.Action.INSTALL, null, "uf0001", List.of("检查 / check"));
        assertEquals(PluginReviews.sha256(jar.bytes()), held.sha256());

        // another instance, as after a restart
        PluginReviews again = new PluginReviews(folder.getRoot().toPath());
        assertEquals(List.of(held), again.list());
        PluginReviews.Pending pending = again.pending("outing").orElseThrow();
        assertArrayEquals(jar.bytes(), pending.bytes());
        assertEquals("uf0001", pending.review().uploadedBy());
        assertEquals(List.of("检查 / check"), pending.review().checks());

        PluginJar newer = TestJars.unitPlugin().with("Bundle-Version", "1.1.0").read();
        reviews.hold(newer, PluginRules.Action.INSTALL, null, "uf0002", List.of());
        assertEquals("1.1.0", reviews.pending("outing").orElseThrow().review().version());
        assertEquals(1, reviews.list().size());

        reviews.remove("outing");
        assertEquals(List.of(), reviews.list());
        assertTrue(reviews.pending("outing").isEmpty());
    }

    @Test
    public void aJarChangedOnDiskIsNeverHandedOut() throws Exception {
        Path root = folder.getRoot().toPath();
        PluginReviews reviews = new PluginReviews(root);
        reviews.hold(TestJars.unitPlugin().read(), PluginRules.Action.INSTALL, null, "uf0001", List.of());
        Files.write(root.resolve("outing/upload.jar"), TestJars.unitPlugin().with("Bundle-Version", "9.0.0").bytes());
        try {
            reviews.pending("outing");
            fail("a swapped jar must not be approved");
        } catch (ApiException expected) {
            assertEquals(409, expected.status());
            assertEquals("plugin.review-tampered", expected.code());
        }
    }

    @Test
    public void idsThatAreNoPluginIdsFindNothing() throws Exception {
        PluginReviews reviews = new PluginReviews(folder.getRoot().toPath());
        for (String id : new String[] { "..", "../etc", "a/b", "", null, "OUTING" }) {
            assertTrue(String.valueOf(id), reviews.pending(id).isEmpty());
        }
    }
}
