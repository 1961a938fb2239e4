package cn.edu.cumt.union.core.internal.scorecard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeIndicatorSource;

public class ScorecardServiceTest {

    private static final int YEAR = 2026;
    private static final UnionPrincipal UNION = principal("union", Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN, Roles.MEMBER), Set.of());
    private static final UnionPrincipal ADMIN_OF_B = principal("b-admin", Set.of(Roles.UNIT_ADMIN, Roles.MEMBER), Set.of(3L));
    private static final UnionPrincipal MEMBER = principal("member", Set.of(Roles.MEMBER), Set.of());

    private TestDatabase db;
    private final FakeDirectory directory = new FakeDirectory();
    private final FakeAudit audit = new FakeAudit();
    private final IndicatorRegistry registry = new IndicatorRegistry(directory, 500);
    private final FakeIndicatorSource study = new FakeIndicatorSource()
            .indicator("study.sessions", "学习次数", "Sessions held", "次", true)
            .indicator("study.attendance-rate", "到课率", "Attendance rate", "%", true);
    private final FakeIndicatorSource brand = new FakeIndicatorSource()
            .indicator("brand.grade", "等级", "Grade", "级", true);
    private ScorecardService service;

    private static UnionPrincipal principal(String name, Set<String> roles, Set<Long> adminOf) {
        return new UnionPrincipal(name.hashCode(), name, 1L, 2L, roles, adminOf, "s");
    }

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        db.tx(em -> {
            for (String table : List.of("UNION_SCORECARD_CELL", "UNION_SCORECARD_ROW", "UNION_SCORECARD_ITEM", "UNION_SCORECARD")) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
        });
        directory.unit(1, "CUMT", "中国矿业大学", null);
        directory.unit(2, "A", "甲学院", 1L);
        directory.unit(3, "B", "乙学院", 1L);
        directory.unit(4, "C", "丙学院", 1L);
        directory.group(5, "B1", "乙学院一组", 3);
        directory.unit(6, "OLD", "已撤销学院", UnitKind.UNIT, 1L);
        directory.retire(6);
        study.figure(YEAR, "study.sessions", 2, "12").figure(YEAR, "study.sessions", 3, "6")
                .figure(YEAR, "study.sessions", 4, "6").figure(YEAR, "study.sessions", 5, "99")
                .figure(YEAR, "study.attendance-rate", 2, "95").figure(YEAR, "study.attendance-rate", 3, "45");
        brand.figure(YEAR, "brand.grade", 3, "4").figure(YEAR, "brand.grade", 4, "2");
        registry.add(1, "study", null, study);
        registry.add(2, "brand", null, brand);
        service = new ScorecardService(db, registry, directory, new FakeAccess(directory), audit,
                Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC));
    }

    @After
    public void stop() {
        registry.deactivate();
    }

    private static DesignInputDTO.Item item(String code, String weight, String target) {
        return new DesignInputDTO.Item(code, weight == null ? null : new BigDecimal(weight),
                target == null ? null : new BigDecimal(target));
    }

    private DesignDTO design() {
        return service.saveDesign(UNION, YEAR, new DesignInputDTO(List.of(item("study.sessions", "40", "10"),
                item("study.attendance-rate", "30", "90"), item("brand.grade", "30", "4"))));
    }

    private static List<String> codes(ScorecardDTO card) {
        return card.rows().stream().map(ScorecardRowDTO::unitCode).toList();
    }

    @Test
    public void theDesignIsStoredWithTheIndicatorsLabels() {
        DesignDTO saved = design();
        assertEquals(3, saved.indicators().size());
        DesignDTO read = service.design(YEAR);
        assertEquals(saved.indicators(), read.indicators());
        assertEquals("到课率", read.indicators().get(1).labelZh());
        assertEquals("union", read.updatedBy());
        assertFalse(read.published());
        assertTrue(audit.lines.toString(), audit.lines.contains("ok scorecard.design.save 2026"));
        ApiException none = assertThrows(ApiException.class, () -> service.design(2025));
        assertEquals(404, none.status());
        assertEquals("scorecard.no-design", none.code());
    }

    @Test
    public void badDesignsAnswer400NamingTheField() {
        assertInvalid("indicators[0].target", item("study.sessions", "40", "0"));
        assertInvalid("indicators[0].target", item("study.sessions", "40", null));
        assertInvalid("indicators[0].weight", item("study.sessions", "0", "10"));
        assertInvalid("indicators[0].weight", item("study.sessions", "-1", "10"));
        assertInvalid("indicators[0].weight", item("study.sessions", "1000.01", "10"));
        assertInvalid("indicators[0].weight", item("study.sessions", "1.005", "10"));
        assertInvalid("indicators[1].code", item("study.sessions", "40", "10"), item("study.sessions", "40", "10"));
        assertInvalid("indicators[0].code", item("congress.proposals", "40", "10"));
        assertInvalid("indicators[0].code", item(null, "40", "10"));
        ApiException empty = assertThrows(ApiException.class, () -> service.saveDesign(UNION, YEAR, new DesignInputDTO(List.of())));
        assertEquals(400, empty.status());
        assertTrue(empty.messageEn(), empty.messageEn().contains("indicators"));
        for (int year : new int[] { 1999, 2028, -1 }) {
            ApiException bad = assertThrows(ApiException.class, () -> design(year));
            assertEquals(400, bad.status());
            assertTrue(bad.messageEn(), bad.messageEn().contains("year"));
        }
        assertTrue("nothing stored", assertThrows(ApiException.class, () -> service.design(YEAR)).status() == 404);
    }

    private void design(int year) {
        service.saveDesign(UNION, year, new DesignInputDTO(List.of(item("study.sessions", "40", "10"))));
    }

    private void assertInvalid(String field, DesignInputDTO.Item... items) {
        ApiException bad = assertThrows(ApiException.class,
                () -> service.saveDesign(UNION, YEAR, new DesignInputDTO(List.of(items))));
        assertEquals(400, bad.status());
        assertTrue(bad.details().toString(), bad.details().stream().anyMatch(d -> d.contains(field)));
    }

    @Test
    public void everyUnitUnionIsScoredAndRanked() {
        design();
        ScorecardDTO card = service.scorecard(UNION, YEAR);
        assertFalse(card.published());
        // A: 40 + 30 + 0 (no brand) = 70; B: 24 + 15 + 30 = 69; C: 24 + 0 + 15 = 39
        assertEquals("units only: no university, group or retired unit", List.of("A", "B", "C"), codes(card));
        assertEquals(List.of("70.00", "69.00", "39.00"), card.rows().stream().map(r -> r.score().toPlainString()).toList());
        assertEquals(List.of(1, 2, 3), card.rows().stream().map(ScorecardRowDTO::rank).toList());
        assertNull("A has no brand figure", card.rows().get(0).cells().get(2).value());
        assertEquals(3, card.units());
        assertTrue(card.missing().isEmpty());
    }

    @Test
    public void aUnitAdminSeesOnlyTheirOwnRowWithItsRankAndAMemberNothing() {
        design();
        ScorecardDTO mine = service.scorecard(ADMIN_OF_B, YEAR);
        assertEquals(List.of("B"), codes(mine));
        assertEquals(2, mine.rows().get(0).rank());
        assertEquals("ranked among all", 3, mine.units());
        assertTrue(service.scorecard(MEMBER, YEAR).rows().isEmpty());
        service.publish(UNION, YEAR, false);
        assertEquals("published too", List.of("B"), codes(service.scorecard(ADMIN_OF_B, YEAR)));
    }

    @Test
    public void onlyTheUnionAdminDesignsAndPublishes() {
        design();
        for (UnionPrincipal caller : List.of(ADMIN_OF_B, MEMBER)) {
            assertEquals(403, assertThrows(ApiException.class, () -> service.saveDesign(caller, YEAR,
                    new DesignInputDTO(List.of(item("study.sessions", "1", "1"))))).status());
            assertEquals(403, assertThrows(ApiException.class, () -> service.publish(caller, YEAR, true)).status());
        }
        assertFalse(service.design(YEAR).published());
        assertEquals(3, service.design(YEAR).indicators().size());
    }

    @Test
    public void aPublishedYearIsServedFromItsSnapshotAfterThePluginGoes() {
        design();
        ScorecardDTO published = service.publish(UNION, YEAR, false);
        assertTrue(published.published());
        assertTrue(audit.lines.toString(), audit.lines.contains("ok scorecard.publish 2026"));
        ScorecardDTO before = service.scorecard(UNION, YEAR);

        registry.remove(2);
        brand.figure(YEAR, "brand.grade", 2, "4");
        study.figure(YEAR, "study.sessions", 4, "100");
        ScorecardDTO after = service.scorecard(UNION, YEAR);
        assertTrue(after.published());
        assertEquals(before, after);
        assertEquals(List.of("A", "B", "C"), codes(after));
        assertEquals("brand's stored figure", new BigDecimal("4"), after.rows().get(1).cells().get(2).value());
        assertEquals("等级", after.indicators().get(2).labelZh());
        assertTrue(after.missing().isEmpty());

        assertEquals("scorecard.published", assertThrows(ApiException.class, () -> design()).code());
        assertEquals("scorecard.published", assertThrows(ApiException.class, () -> service.publish(UNION, YEAR, true)).code());
    }

    @Test
    public void missingFiguresAreShownAndPublishingThemNeedsConsent() {
        design();
        brand.failWith(new IllegalStateException("down"));
        ScorecardDTO card = service.scorecard(UNION, YEAR);
        assertEquals(List.of("brand.grade"), card.missing().stream().map(MissingDTO::code).toList());
        assertEquals("study still counts", List.of("70.00", "39.00", "24.00"),
                card.rows().stream().map(r -> r.score().toPlainString()).toList());
        ApiException refused = assertThrows(ApiException.class, () -> service.publish(UNION, YEAR, false));
        assertEquals(409, refused.status());
        assertEquals("scorecard.figures-missing", refused.code());
        assertTrue(refused.details().toString(), refused.details().get(0).startsWith("brand.grade"));
        assertFalse(service.design(YEAR).published());
        ScorecardDTO accepted = service.publish(UNION, YEAR, true);
        assertTrue(accepted.published());
        brand.failWith(null);
        assertEquals("published with the zeros it accepted", "39.00",
                service.scorecard(UNION, YEAR).rows().get(1).score().toPlainString());
    }

    @Test
    public void installingAPluginAddsItsIndicatorsToTheChoice() {
        assertEquals(List.of("study.sessions", "study.attendance-rate", "brand.grade"),
                service.indicators().indicators().stream().map(i -> i.code()).toList());
        assertInvalid("indicators[0].code", item("welfare.visits", "10", "5"));
        registry.add(3, "welfare", null, new FakeIndicatorSource().indicator("welfare.visits", "走访", "Visits", "次", true));
        assertTrue(service.indicators().indicators().stream().anyMatch(i -> i.code().equals("welfare.visits")));
        assertEquals(1, service.saveDesign(UNION, YEAR, new DesignInputDTO(List.of(item("welfare.visits", "10", "5"))))
                .indicators().size());
    }
}
