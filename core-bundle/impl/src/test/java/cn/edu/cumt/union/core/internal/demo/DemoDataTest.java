package cn.edu.cumt.union.core.internal.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.org.TestDatabase;

public class DemoDataTest {

    @Test
    public void loadsOnceIntoAnEmptyMembershipAndIsDeterministic() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        new OrganisationService(db, db.auditLog).ensureRoot("CUMT", "中国矿业大学工会", null);
        int[] loaded = db.txExpr(DemoData::loadIfEmpty);
        assertNotNull(loaded);
        List<MemberDTO> first = new DirectoryImpl(db, null).activeMembers(List.of(), List.of());
        assertTrue("units: " + loaded[0], loaded[0] >= 60);
        assertTrue("members: " + loaded[1], loaded[1] >= 200 && loaded[1] <= 700);
        assertNull("never twice", db.txExpr(DemoData::loadIfEmpty));
        assertTrue(first.stream().anyMatch(m -> m.categories().contains("female")));
        assertTrue(first.stream().allMatch(m -> m.groupId() != null && m.name().length() >= 2));

        TestDatabase again = TestDatabase.fresh();
        new OrganisationService(again, again.auditLog).ensureRoot("CUMT", "中国矿业大学工会", null);
        again.txExpr(DemoData::loadIfEmpty);
        List<String> names = new DirectoryImpl(again, null).activeMembers(List.of(), List.of()).stream()
                .map(m -> m.staffNo() + m.name()).toList();
        assertEquals(first.stream().map(m -> m.staffNo() + m.name()).toList(), names);
    }
}
