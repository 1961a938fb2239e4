package cn.edu.cumt.union.core.internal.member;

import static cn.edu.cumt.union.core.internal.member.MemberImportTest.read;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.api.security.UnitScope;

public class MemberServiceTest {

    private TestDatabase db;
    private TestTree tree;
    private MemberService members;
    private UnitScope csAdmin;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        members = new MemberService(db, db.auditLog);
        csAdmin = UnitScope.of(Set.of(tree.cs.id(), tree.csG1.id(), tree.csG2.id()));
        String csv = "工号,姓名,单位代码,小组代码,状态,类别\n"
                + "1001,王芳,CS,CS-G1,,female\n"
                + "1002,王强,CS,CS-G2,退休,cadre\n"
                + "1003,李明,CS,,,\n"
                + "2001,王小,MATH,MATH-G1,,female;young\n"
                + "2002,赵四,MATH,,,\n";
        assertTrue(members.importTable(UnitScope.all(), read(csv), false).applied());
    }

    @Test
    public void searchIsScopedAndFiltered() {
        assertEquals(5, search(UnitScope.all(), new MemberQuery(null, null, null, null)).total());
        assertEquals(List.of("1001", "1002", "1003"), staffNos(search(csAdmin, new MemberQuery(null, null, null, null))));
        assertEquals(0, search(UnitScope.of(Set.of()), new MemberQuery(null, null, null, null)).total());
        // A name search is ordered by name (王小 U+5C0F, 王强 U+5F3A, 王芳 U+82B3), then staff number.
        assertEquals(List.of("2001", "1002", "1001"), staffNos(search(UnitScope.all(), new MemberQuery("王", null, null, null))));
        assertEquals(List.of("1002", "1001"), staffNos(search(csAdmin, new MemberQuery("王", null, null, null))));
        // A page carries every field of its members, categories included.
        List<MemberDTO> wang = search(UnitScope.all(), new MemberQuery("王", null, null, null)).items();
        assertEquals(Set.of("female", "young"), wang.get(0).categories());
        assertEquals(Set.of("cadre"), wang.get(1).categories());
        assertEquals(MemberStatus.RETIRED, wang.get(1).status());
        assertEquals(Long.valueOf(tree.csG1.id()), wang.get(2).groupId());
        assertEquals(Set.of(), search(UnitScope.all(), new MemberQuery("李", null, null, null)).items().get(0).categories());
        assertEquals(List.of("2001", "2002"), staffNos(search(UnitScope.all(), new MemberQuery("200", null, null, null))));
        // LIKE's wildcards are characters in a search: they match no one here, never everyone
        for (String wildcard : new String[] { "%", "_", "%%", "\\", "2_0", "王%", "%王" }) {
            assertEquals(wildcard, 0, search(UnitScope.all(), new MemberQuery(wildcard, null, null, null)).total());
        }
        assertEquals(List.of("1001", "2001"), staffNos(search(UnitScope.all(), new MemberQuery(null, null, null, "female"))));
        assertEquals(List.of("1002"), staffNos(search(UnitScope.all(), new MemberQuery(null, null, MemberStatus.RETIRED, null))));
        // A unit includes its groups; a group only its own members.
        assertEquals(3, search(UnitScope.all(), new MemberQuery(null, tree.cs.id(), null, null)).total());
        assertEquals(List.of("1001"), staffNos(search(UnitScope.all(), new MemberQuery(null, tree.csG1.id(), null, null))));
        // A unit admin asking for another unit gets nothing, not its members.
        assertEquals(0, search(csAdmin, new MemberQuery(null, tree.math.id(), null, null)).total());
        PageDTO<MemberDTO> page = members.search(UnitScope.all(), new MemberQuery(null, null, null, null), 1, 2);
        assertEquals(List.of("1002", "1003"), staffNos(page));
        assertEquals(5, page.total());
        expect(400, () -> search(UnitScope.all(), new MemberQuery(null, null, null, "alien")));
    }

    @Test
    public void prefixSearchMatchesExactlyThePrefix() {
        // 玌 (U+738C) is the character right after 王 (U+738B): the end of the range 王 searches, not in it.
        for (String[] row : new String[][] { { "3001", "王" }, { "3002", "玌一" }, { "3003", "王芳" }, { "3004", "珏" },
            { "1010", "钱十" }, { "100", "孙百" } }) {
            members.create(UnitScope.all(), input(row[0], row[1], tree.cs.id()));
        }
        PageDTO<MemberDTO> wang = search(UnitScope.all(), new MemberQuery("王", null, null, null));
        assertEquals(List.of("3001", "2001", "1002", "1001", "3003"), staffNos(wang));
        assertEquals(5, wang.total());
        assertEquals(List.of("1001", "3003"), staffNos(search(UnitScope.all(), new MemberQuery("王芳", null, null, null))));
        assertEquals(List.of("3002"), staffNos(search(UnitScope.all(), new MemberQuery("玌", null, null, null))));
        // Staff numbers: a prefix, in staff-number order; "100" is itself a staff number.
        assertEquals(List.of("100", "1001", "1002", "1003"), staffNos(search(UnitScope.all(), new MemberQuery("100", null, null, null))));
        assertEquals(List.of("1010"), staffNos(search(UnitScope.all(), new MemberQuery("101", null, null, null))));
        // LIKE wildcards are searched as characters (no name holds them); a page of a name search keeps
        // the name order and the full total.
        assertEquals(0, search(UnitScope.all(), new MemberQuery("王_%", null, null, null)).total());
        PageDTO<MemberDTO> second = members.search(UnitScope.all(), new MemberQuery("王", null, null, null), 2, 2);
        assertEquals(List.of("1002", "1001"), staffNos(second));
        assertEquals(5, second.total());
        assertEquals(List.of("3001", "1001"), staffNos(members.search(csAdmin, new MemberQuery("王", null, MemberStatus.ACTIVE, null), 0, 2)));
    }

    @Test
    public void theTotalFollowsEveryChange() throws Exception {
        MemberQuery wang = new MemberQuery("王", null, null, null);
        MemberQuery active = new MemberQuery(null, null, MemberStatus.ACTIVE, null);
        assertEquals(3, search(UnitScope.all(), wang).total());
        assertEquals(4, search(UnitScope.all(), active).total());
        MemberDTO created = members.create(UnitScope.all(), input("3001", "王五", tree.cs.id()));
        assertEquals(4, search(UnitScope.all(), wang).total());
        assertEquals(5, search(UnitScope.all(), active).total());
        members.update(UnitScope.all(), created.id(), input(null, "李五", null));
        assertEquals(3, search(UnitScope.all(), wang).total());
        members.changeStatus(UnitScope.all(), created.id(), new StatusChangeDTO(MemberStatus.RETIRED, null));
        assertEquals(4, search(UnitScope.all(), active).total());
        assertTrue(members.importTable(UnitScope.all(), read("工号,姓名,单位代码\n3002,王六,CS\n"), false).applied());
        assertEquals(4, search(UnitScope.all(), wang).total());
        // The same scope built in another order is the same search; another scope is another.
        UnitScope sameAdmin = UnitScope.of(new java.util.LinkedHashSet<>(List.of(tree.csG2.id(), tree.csG1.id(), tree.cs.id())));
        assertEquals(3, search(sameAdmin, wang).total());
        assertEquals(3, search(csAdmin, wang).total());
        assertEquals(1, search(UnitScope.of(Set.of(tree.math.id())), wang).total());
    }

    @Test
    public void prefixEndIsTheNextString() {
        assertEquals("玌", MemberService.prefixEnd("王"));
        assertEquals("王芴", MemberService.prefixEnd("王芳"));
        assertEquals("101", MemberService.prefixEnd("100"));
        assertEquals(null, MemberService.prefixEnd(""));
        assertEquals(null, MemberService.prefixEnd("a\uffff"));
        assertEquals(null, MemberService.prefixEnd("𠀀"));
    }

    @Test
    public void recordsOutsideTheScopeAreNotFound() {
        long math = id("2001");
        assertEquals("王小", members.get(UnitScope.all(), math).name());
        expect(404, () -> members.get(csAdmin, math));
        expect(404, () -> members.update(csAdmin, math, input("2001", "改名", tree.math.id())));
        expect(404, () -> members.changeStatus(csAdmin, math, new StatusChangeDTO(MemberStatus.WITHDRAWN, null)));
    }

    @Test
    public void createAndUpdateValidateTheirInput() {
        MemberDTO created = members.create(csAdmin, new MemberInputDTO("3001", "新会员", "F", null, "13912345678",
                "new@cumt.edu.cn", tree.cs.id(), tree.csG2.id(), null, null, Set.of("女教职工", "young")));
        assertEquals(Set.of("female", "young"), created.categories());
        assertEquals(MemberStatus.ACTIVE, created.status());
        expect(409, () -> members.create(UnitScope.all(), input("3001", "重复", tree.cs.id())));
        expect(404, () -> members.create(csAdmin, input("3002", "别处", tree.math.id())));
        expect(400, () -> members.create(UnitScope.all(), input("30 02", "坏工号", tree.cs.id())));
        expect(400, () -> members.create(UnitScope.all(), input("3003", "", tree.cs.id())));
        expect(400, () -> members.create(UnitScope.all(), input("3004", "x".repeat(101), tree.cs.id())));
        expect(400, () -> members.create(UnitScope.all(), new MemberInputDTO("3005", "名", "X", null, null, null,
                tree.cs.id(), null, null, null, null)));
        expect(400, () -> members.create(UnitScope.all(), new MemberInputDTO("3006", "名", null, null, "abc", null,
                tree.cs.id(), null, null, null, null)));
        expect(400, () -> members.create(UnitScope.all(), new MemberInputDTO("3007", "名", null, null, null, "a@b",
                tree.cs.id(), null, null, null, null)));
        expect(400, () -> members.create(UnitScope.all(), new MemberInputDTO("3008", "名", null, null, null, null,
                tree.cs.id(), tree.mathG1.id(), null, null, null)));
        expect(400, () -> members.create(UnitScope.all(), input("3009", "组里", tree.csG1.id())));
        MemberDTO updated = members.update(csAdmin, created.id(), input(null, "改过", null));
        assertEquals("改过", updated.name());
        expect(400, () -> members.update(csAdmin, created.id(), input("9999", "改过", null)));
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("member.update " + created.id())));
    }

    /** An edit of one field keeps every other; "" and [] and 0 clear on purpose. */
    @Test
    public void anUpdateKeepsWhatTheRequestLeavesOut() {
        MemberDTO full = members.create(UnitScope.all(), new MemberInputDTO("4001", "周全", "F", java.time.LocalDate.of(1980, 5, 1),
                "13800000000", "4001@cumt.edu.cn", tree.cs.id(), tree.csG1.id(), null, java.time.LocalDate.of(2005, 7, 1),
                Set.of("cadre")));
        MemberDTO phoneOnly = members.update(csAdmin, full.id(), new MemberInputDTO(null, null, null, null, "13900000000", null,
                null, null, null, null, null));
        assertEquals("13900000000", phoneOnly.phone());
        assertEquals("周全", phoneOnly.name());
        assertEquals("4001@cumt.edu.cn", phoneOnly.email());
        assertEquals(full.birthDate(), phoneOnly.birthDate());
        assertEquals(full.joinDate(), phoneOnly.joinDate());
        assertEquals(full.groupId(), phoneOnly.groupId());
        assertEquals(Set.of("cadre"), phoneOnly.categories());
        assertEquals(full.gender(), phoneOnly.gender());

        MemberDTO cleared = members.update(csAdmin, full.id(), new MemberInputDTO(null, null, null, null, "", "", null, 0L,
                null, null, Set.of()));
        assertNull(cleared.phone());
        assertNull(cleared.email());
        assertNull("0 takes the member out of the group", cleared.groupId());
        assertEquals(Set.of(), cleared.categories());
        assertEquals("周全", cleared.name());
        expect(400, () -> members.update(csAdmin, full.id(), new MemberInputDTO(null, " ", null, null, null, null, null, null,
                null, null, null)));
    }

    @Test
    public void transferNeedsBothUnitsAndKeepsHistory() {
        long wang = id("1001");
        ApiException outside = expect(403, () -> members.transfer(csAdmin, wang, new TransferRequestDTO(tree.math.id(), "调动")));
        assertEquals("an existing unit outside the caller's: the rule, not 'not found'", "member.transfer-outside-scope", outside.code());
        expect(404, () -> members.transfer(csAdmin, wang, new TransferRequestDTO(999_999L, "调动")));
        expect(400, () -> members.transfer(UnitScope.all(), wang, new TransferRequestDTO(tree.cs.id(), null)));
        MemberDTO moved = members.transfer(UnitScope.all(), wang, new TransferRequestDTO(tree.math.id(), "工作调动"));
        assertEquals(tree.math.id(), moved.unitId());
        assertEquals(null, moved.groupId());
        List<TransferDTO> history = members.transfers(UnitScope.all(), wang);
        assertEquals(1, history.size());
        assertEquals(tree.cs.id(), history.get(0).fromUnitId());
        assertEquals("工作调动", history.get(0).note());
        expect(404, () -> members.transfers(csAdmin, wang));
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("member.transfer " + wang)));
    }

    @Test
    public void statusChangesAreRecorded() {
        long li = id("1003");
        assertEquals(MemberStatus.WITHDRAWN,
                members.changeStatus(csAdmin, li, new StatusChangeDTO(MemberStatus.WITHDRAWN, "本人申请")).status());
        expect(400, () -> members.changeStatus(csAdmin, li, new StatusChangeDTO(null, null)));
        assertTrue(db.audit.stream().anyMatch(line -> line.contains("ACTIVE -> WITHDRAWN")));
    }

    private MemberInputDTO input(String staffNo, String name, Long unitId) {
        return new MemberInputDTO(staffNo, name, null, null, null, null, unitId, null, null, null, null);
    }

    private PageDTO<MemberDTO> search(UnitScope scope, MemberQuery query) {
        return members.search(scope, query, 0, 50);
    }

    private long id(String staffNo) {
        return search(UnitScope.all(), new MemberQuery(staffNo, null, null, null)).items().get(0).id();
    }

    private static List<String> staffNos(PageDTO<MemberDTO> page) {
        return page.items().stream().map(MemberDTO::staffNo).toList();
    }

    private static ApiException expect(int status, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertEquals(e.code() + ": " + e.getMessage(), status, e.status());
            return e;
        }
        throw new AssertionError("expected " + status);
    }
}
