package cn.edu.cumt.union.core.internal.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

public class MemberResourceTest {

    @Test
    public void dryRunIsTrueOrFalseAndNothingElse() {
        assertTrue(MemberResource.dryRun("true"));
        assertFalse(MemberResource.dryRun("false"));
        for (String wrong : new String[] { "yes", "1", "TRUE ", "abc", "", "-1" }) {
            try {
                MemberResource.dryRun(wrong);
                fail("dryRun=" + wrong + " must not be read as a boolean (it used to mean: apply for real)");
            } catch (ApiException expected) {
                assertEquals(400, expected.status());
                assertEquals("request.field-invalid", expected.code());
            }
        }
    }

    @Test
    public void dryRunIsRequired() {
        try {
            MemberResource.dryRun(null);
            fail("a missing dryRun must be refused");
        } catch (ApiException expected) {
            assertEquals("request.field-missing", expected.code());
        }
    }
}
