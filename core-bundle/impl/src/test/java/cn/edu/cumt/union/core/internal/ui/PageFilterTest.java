package cn.edu.cumt.union.core.internal.ui;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;
import cn.edu.cumt.union.core.internal.ui.PageModel.PluginPages;
import cn.edu.cumt.union.core.internal.ui.PageModel.Text;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeDirectory;

public class PageFilterTest {

    /** Units: 1 the root, 2 MINING under it, 3 a group of MINING, 4 OTHER under the root. */
    private static final FakeDirectory DIRECTORY = new FakeDirectory();

    static {
        DIRECTORY.unit(1, "CUMT", "中国矿业大学工会", null);
        DIRECTORY.unit(2, "MINING", "矿业工程学院", 1L);
        DIRECTORY.group(3, "MINING-1", "第一小组", 2);
        DIRECTORY.unit(4, "OTHER", "其他学院", 1L);
    }

    private static final PageFilter.Units UNITS = new PageFilter.Units() {
        @Override
        public Optional<Long> idOf(String code) {
            return DIRECTORY.findUnitByCode(code).map(unit -> unit.id());
        }

        @Override
        public boolean isSelfOrAncestor(long ancestor, long unitId) {
            return DIRECTORY.unitAndDescendants(ancestor).contains(unitId);
        }
    };

    /** Manages the granted units and those below; a union admin everything. */
    private static final AccessControl ACCESS = new FakeAccess(DIRECTORY);

    private static Page page(String id, String... roles) {
        return new Page(id, "list", List.of(roles), null, null, "x", null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static final PluginPages PAGES = new PluginPages(new Text("甲", "A"), null, null,
            List.of(page("mine", Roles.MEMBER), page("manage", Roles.UNIT_ADMIN, Roles.UNION_ADMIN), page("review", Roles.UNION_ADMIN),
                    page("ops", Roles.OPERATOR)));

    private static UnionPrincipal member(long unit) {
        return new UnionPrincipal(1, "m", 10L, unit, Set.of(Roles.MEMBER), Set.of(), "s");
    }

    private static UnionPrincipal unitAdmin(long unit) {
        return new UnionPrincipal(2, "u", 11L, unit, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(unit), "s");
    }

    private static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(3, "a", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s");
    private static final UnionPrincipal OPERATOR = new UnionPrincipal(4, "o", null, null, Set.of(Roles.OPERATOR), Set.of(), "s");

    private static List<String> ids(PageRegistry.Entry entry, UnionPrincipal caller) {
        return new PageFilter(ACCESS).visible(entry, caller, UNITS).stream().map(Page::id).toList();
    }

    @Test
    public void aUnionPluginsPagesGoByRole() {
        PageRegistry.Entry union = new PageRegistry.Entry("study", 7, null, PAGES);
        assertEquals(List.of("mine"), ids(union, member(4)));
        assertEquals(List.of("mine", "manage"), ids(union, unitAdmin(4)));
        assertEquals(List.of("manage", "review"), ids(union, UNION_ADMIN));
        assertEquals(List.of("mine", "manage", "review", "ops"), ids(union, OPERATOR));
    }

    @Test
    public void aUnitPluginsPagesGoOnlyToItsOwnUnit() {
        PageRegistry.Entry unit = new PageRegistry.Entry("familyday", 8, "MINING", PAGES);
        assertEquals(List.of("mine"), ids(unit, member(2)));
        assertEquals(List.of("mine"), ids(unit, member(3)));
        assertEquals(List.of(), ids(unit, member(4)));
        assertEquals(List.of(), ids(unit, member(1)));
        assertEquals(List.of("mine", "manage"), ids(unit, unitAdmin(2)));
        // an admin of a group below the unit manages the group only
        assertEquals(List.of("mine"), ids(unit, unitAdmin(3)));
        assertEquals(List.of(), ids(unit, unitAdmin(4)));
        assertEquals(List.of("manage", "review"), ids(unit, UNION_ADMIN));
        assertEquals(List.of("mine", "manage", "review", "ops"), ids(unit, OPERATOR));
    }

    @Test
    public void aUnitPluginOfAnUnknownUnitShowsItsMemberAndUnitAdminPagesToNobody() {
        PageRegistry.Entry lost = new PageRegistry.Entry("lost", 9, "GONE", PAGES);
        assertEquals(List.of(), ids(lost, member(2)));
        assertEquals(List.of(), ids(lost, unitAdmin(2)));
        assertEquals(List.of("manage", "review"), ids(lost, new UnionPrincipal(5, "x", null, null, Set.of(Roles.UNION_ADMIN), Set.of(), "s")));
    }
}
