package cn.edu.cumt.union.core.internal.directory;

import static cn.edu.cumt.union.core.internal.member.MemberImportTestSupport.importCsv;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;

public class DirectoryImplTest {

    private TestDatabase db;
    private TestTree tree;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        importCsv(db, "工号,姓名,单位代码,小组代码,状态,类别\n"
                + "1001,王芳,CS,CS-G1,,female\n"
                + "1002,王强,CS,CS-G2,退休,cadre\n"
                + "1003,李明,CS,,,cadre;veteran\n"
                + "2001,王小,MATH,MATH-G1,,female;young\n"
                + "2002,赵四,MATH,,,\n");
    }

    @Test
    public void unionPluginsSeeEverything() {
        DirectoryImpl directory = new DirectoryImpl(db, null);
        assertEquals(6, directory.units().size());
        assertTrue(directory.findMemberByStaffNo("2001").isPresent());
        assertEquals(List.of("1001", "1003", "2001", "2002"), staffNos(directory.activeMembers(List.of(), List.of())));
        assertEquals(Map.of(tree.cs.id(), 2L, tree.math.id(), 2L),
                directory.countActiveMembersByUnit(List.of(tree.cs.id(), tree.math.id()), List.of()));
        assertEquals(Map.of(tree.cs.id(), 1L, tree.math.id(), 1L),
                directory.countActiveMembersByUnit(List.of(tree.cs.id(), tree.math.id()), List.of("female")));
        assertEquals(Map.of(tree.csG1.id(), 1L), directory.countActiveMembersByUnit(List.of(tree.csG1.id()), List.of()));
    }

    @Test
    public void aUnitPluginSeesOnlyItsUnitAndBelow() {
        DirectoryImpl directory = new DirectoryImpl(db, "CS");
        assertEquals(List.of("CS", "CS-G1", "CS-G2"), directory.units().stream().map(UnitDTO::code).toList());
        assertFalse(directory.findUnit(tree.math.id()).isPresent());
        assertFalse(directory.findUnitByCode("CUMT").isPresent());
        assertTrue(directory.findUnitByCode("CS-G2").isPresent());
        assertEquals(Set.of(tree.cs.id(), tree.csG1.id(), tree.csG2.id()), directory.unitAndDescendants(tree.cs.id()));
        assertEquals(Set.of(), directory.unitAndDescendants(tree.root.id()));
        assertFalse(directory.findMemberByStaffNo("2001").isPresent());
        long math = new DirectoryImpl(db, null).findMemberByStaffNo("2001").orElseThrow().id();
        assertFalse(directory.findMember(math).isPresent());
        assertEquals(List.of("1001", "1003"), staffNos(directory.activeMembers(List.of(), List.of())));
        assertEquals(List.of("1001", "1003"), staffNos(directory.activeMembers(List.of(), List.of("female", "cadre"))));
        assertEquals(List.of(), directory.activeMembers(List.of(tree.math.id()), List.of()));
        assertEquals(Map.of(tree.cs.id(), 2L),
                directory.countActiveMembersByUnit(List.of(tree.cs.id(), tree.math.id()), List.of()));
    }

    @Test
    public void anUnknownOwnerUnitSeesNothing() {
        DirectoryImpl directory = new DirectoryImpl(db, "NOPE");
        assertEquals(List.of(), directory.units());
        assertEquals(List.of(), directory.activeMembers(List.of(), List.of()));
        assertEquals(Map.of(), directory.countActiveMembersByUnit(List.of(), List.of()));
    }

    private static List<String> staffNos(List<MemberDTO> members) {
        return members.stream().map(MemberDTO::staffNo).toList();
    }
}
