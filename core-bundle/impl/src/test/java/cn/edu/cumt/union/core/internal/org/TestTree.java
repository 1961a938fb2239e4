package cn.edu.cumt.union.core.internal.org;

import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.member.MemberEntity;

/** A small tree for tests: root CUMT; units CS and MATH; groups CS-G1, CS-G2 and MATH-G1. */
public final class TestTree {

    public final OrganisationService organisation;
    public final UnitDTO root;
    public final UnitDTO cs;
    public final UnitDTO csG1;
    public final UnitDTO csG2;
    public final UnitDTO math;
    public final UnitDTO mathG1;

    private final TestDatabase db;

    public TestTree(TestDatabase db) {
        this.db = db;
        organisation = new OrganisationService(db, db.auditLog);
        organisation.ensureRoot("CUMT", "中国矿业大学工会", "CUMT Staff Union");
        root = organisation.list(false).get(0);
        cs = unit("CS", "计算机科学与技术学院工会", root.id());
        math = unit("MATH", "数学学院工会", root.id());
        csG1 = unit("CS-G1", "计算机学院第一工会小组", cs.id());
        csG2 = unit("CS-G2", "计算机学院第二工会小组", cs.id());
        mathG1 = unit("MATH-G1", "数学学院第一工会小组", math.id());
    }

    /** @return the id of a new active member of the unit */
    public long member(String staffNo, String name, long unitId) {
        return db.txExpr(em -> {
            MemberEntity member = new MemberEntity(staffNo, name, unitId, java.time.Instant.now());
            em.persist(member);
            em.flush();
            return member.getId();
        });
    }

    private UnitDTO unit(String code, String name, long parentId) {
        return organisation.create(UnitScope.all(), new UnitRequestDTO(code, name, null, null, parentId));
    }
}
