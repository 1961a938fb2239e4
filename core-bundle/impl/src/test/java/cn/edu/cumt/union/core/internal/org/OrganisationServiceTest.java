package cn.edu.cumt.union.core.internal.org;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.api.security.UnitScope;

public class OrganisationServiceTest {

    private TestDatabase db;
    private TestTree tree;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
    }

    @Test
    public void rootIsCreatedOnceAndListsParentsFirst() {
        tree.organisation.ensureRoot("OTHER", "别的", null);
        List<UnitDTO> units = tree.organisation.list(false);
        assertEquals(6, units.size());
        assertEquals("CUMT", units.get(0).code());
        assertEquals(UnitKind.UNIVERSITY, units.get(0).kind());
        for (int i = 0; i < units.size(); i++) {
            Long parent = units.get(i).parentId();
            if (parent != null) {
                assertTrue("parent listed before child",
                        units.subList(0, i).stream().anyMatch(u -> u.id() == parent));
            }
        }
        assertEquals(UnitKind.UNIT, tree.cs.kind());
        assertEquals(UnitKind.GROUP, tree.csG1.kind());
    }

    @Test
    public void createChecksCodeNameParentAndKind() {
        expect(400, "request.field-missing", () -> create(UnitScope.all(), "X1", " ", null, tree.root.id()));
        expect(400, "request.field-invalid", () -> create(UnitScope.all(), "bad code", "名", null, tree.root.id()));
        expect(404, "unit.parent-not-found", () -> create(UnitScope.all(), "X2", "名", null, 9999L));
        expect(409, "unit.code-taken", () -> create(UnitScope.all(), "CS", "名", null, tree.root.id()));
        expect(400, "unit.kind-mismatch", () -> create(UnitScope.all(), "X3", "名", UnitKind.GROUP, tree.root.id()));
        expect(400, "unit.kind-mismatch", () -> create(UnitScope.all(), "X4", "名", null, tree.csG1.id()));
        UnitDTO created = create(UnitScope.all(), "X5", "新单位", UnitKind.UNIT, tree.root.id());
        assertEquals(UnitKind.UNIT, created.kind());
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("unit.create " + created.id())));
    }

    @Test
    public void unitAdminCreatesAndRenamesOnlyGroupsInsideTheirUnits() {
        UnitScope csAdmin = UnitScope.of(Set.of(tree.cs.id(), tree.csG1.id(), tree.csG2.id()));
        UnitDTO group = create(csAdmin, "CS-G3", "第三小组", null, tree.cs.id());
        assertEquals(UnitKind.GROUP, group.kind());
        expect(404, "unit.parent-not-found", () -> create(csAdmin, "MATH-G9", "小组", null, tree.math.id()));
        expect(403, "unit.forbidden", () -> tree.organisation.rename(csAdmin, tree.cs.id(), new UnitRenameDTO("改", null)));
        expect(404, "unit.not-found",
                () -> tree.organisation.rename(csAdmin, tree.mathG1.id(), new UnitRenameDTO("改", null)));
        assertEquals("新名", tree.organisation.rename(csAdmin, tree.csG1.id(), new UnitRenameDTO("新名", "New")).name());
    }

    @Test
    public void moveRefusesCyclesAndWrongLevelsAndCarriesGroupMembers() {
        expect(400, "unit.move-cycle", () -> tree.organisation.move(tree.cs.id(), tree.csG1.id()));
        expect(400, "unit.move-cycle", () -> tree.organisation.move(tree.cs.id(), tree.cs.id()));
        expect(400, "unit.kind-mismatch", () -> tree.organisation.move(tree.csG1.id(), tree.root.id()));
        expect(400, "unit.kind-mismatch", () -> tree.organisation.move(tree.math.id(), tree.cs.id()));
        expect(400, "unit.root-fixed", () -> tree.organisation.move(tree.root.id(), tree.cs.id()));
        long member = addMember("1001", tree.cs.id(), tree.csG1.id());
        UnitDTO moved = tree.organisation.move(tree.csG1.id(), tree.math.id());
        assertEquals(Long.valueOf(tree.math.id()), moved.parentId());
        assertEquals(tree.math.id(),
                (long) db.txExpr(em -> em.find(MemberEntity.class, member).getUnitId()));
    }

    @Test
    public void retireNeedsNoActiveMembersAndHidesTheUnit() {
        long member = addMember("1002", tree.math.id(), tree.mathG1.id());
        expect(409, "unit.has-sub-units", () -> tree.organisation.retire(tree.math.id()));
        expect(409, "unit.has-members", () -> tree.organisation.retire(tree.mathG1.id()));
        db.tx(em -> em.find(MemberEntity.class, member).setStatus(MemberStatus.RETIRED));
        assertTrue(tree.organisation.retire(tree.mathG1.id()).retired());
        assertFalse(tree.organisation.list(false).stream().anyMatch(u -> u.id() == tree.mathG1.id()));
        assertTrue(tree.organisation.list(true).stream().anyMatch(u -> u.id() == tree.mathG1.id()));
        expect(409, "unit.parent-retired", () -> create(UnitScope.all(), "G9", "小组", null, tree.mathG1.id()));
        expect(400, "unit.root-fixed", () -> tree.organisation.retire(tree.root.id()));
    }

    private long addMember(String staffNo, long unitId, Long groupId) {
        return db.txExpr(em -> {
            MemberEntity m = new MemberEntity(staffNo, "张三", unitId, Instant.now());
            m.setGroupId(groupId);
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    private UnitDTO create(UnitScope scope, String code, String name, UnitKind kind, Long parentId) {
        return tree.organisation.create(scope, new UnitRequestDTO(code, name, null, kind, parentId));
    }

    static void expect(int status, String code, Runnable action) {
        try {
            action.run();
            fail("expected " + status + " " + code);
        } catch (ApiException e) {
            assertEquals(e.code() + ": " + e.getMessage(), status, e.status());
            assertEquals(code, e.code());
        }
    }
}
