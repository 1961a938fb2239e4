package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.Before;

import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestClock;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeDuties;
import cn.edu.cumt.union.testing.TestFlows;

/**
 * A service on the real schema with a small tree: 校工会 (1) above 计算机学院 (10, with the union group
 * 11 below it), 数学学院 (20) and 化工学院 (30). CS_ADMIN manages 10, MATH_ADMIN 20; MEMBER is a plain member of 10.
 */
abstract class BrandTestBase {

    static final Instant T0 = Instant.parse("2026-03-10T06:00:00Z"); // 14:00 in Beijing
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(1, "admin", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s1");
    static final UnionPrincipal CS_ADMIN = new UnionPrincipal(2, "cs-admin", 201L, 10L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(10L), "s2");
    static final UnionPrincipal MATH_ADMIN = new UnionPrincipal(3, "math-admin", 202L, 20L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(20L), "s3");
    static final UnionPrincipal CHEM_ADMIN = new UnionPrincipal(5, "chem-admin", 204L, 30L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(30L), "s5");
    /** A second union administrator: the one who reviews what {@link #UNION_ADMIN} applied for. */
    static final UnionPrincipal OTHER_UNION_ADMIN = new UnionPrincipal(6, "admin2", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s6");
    static final UnionPrincipal MEMBER = new UnionPrincipal(4, "S0004", 203L, 10L, Set.of(Roles.MEMBER), Set.of(),
            "s4");

    PluginDatabase jpa;
    FakeDirectory directory;
    FakeAudit audit;
    TestClock clock;
    BrandService brand;

    @Before
    public void setUp() throws Exception {
        jpa = PluginDatabase.forPlugin("brand");
        jpa.clear("BRAND_TRANSITION", "BRAND_DISBURSEMENT", "BRAND_MILESTONE", "BRAND_PROJECT");
        directory = new FakeDirectory();
        directory.unit(1, "CUMT", "校工会", UnitKind.UNIVERSITY, null);
        directory.unit(10, "CS", "计算机学院", UnitKind.UNIT, 1L);
        directory.unit(11, "CS-G1", "计算机学院第一工会小组", UnitKind.GROUP, 10L);
        directory.unit(20, "MATH", "数学学院", UnitKind.UNIT, 1L);
        directory.unit(30, "CHEM", "化工学院", UnitKind.UNIT, 1L);
        audit = new FakeAudit();
        clock = new TestClock(T0);
        FakeAccess access = new FakeAccess(directory);
        brand = new BrandService(jpa, directory, access, audit, TestFlows.of(access, new FakeDuties(directory)), clock);
    }

    static BrandProjectEditDTO edit(long unitId, int year, String name, String budget) {
        return new BrandProjectEditDTO(unitId, year, name, "打造特色品牌", "分三阶段实施", new BigDecimal(budget));
    }

    /** A project of {@code unitId} for 2026 asking 50,000.00 yuan, applied by the unit's administrator. */
    BrandProjectDetailDTO apply(long unitId, String name) {
        return brand.apply(adminOf(unitId), edit(unitId, 2026, name, "50000"));
    }

    static UnionPrincipal adminOf(long unitId) {
        return unitId == 10 ? CS_ADMIN : unitId == 20 ? MATH_ADMIN : unitId == 30 ? CHEM_ADMIN : UNION_ADMIN;
    }

    /** A project approved with {@code granted} yuan. */
    long approved(long unitId, String name, String granted) {
        long id = apply(unitId, name).project().id();
        brand.review(UNION_ADMIN, id, new ReviewDTO(BrandDecision.APPROVE, new BigDecimal(granted), null));
        return id;
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    /** Runs {@code action}, expects an {@link ApiException} with this status and code. */
    static ApiException expect(int status, String code, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertEquals(e.messageEn(), status, e.status());
            assertEquals(e.messageEn(), code, e.code());
            return e;
        }
        fail("expected " + status + " " + code);
        return null;
    }
}
