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

import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
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
        assertEquals("CS", directory.ownUnit().orElseThrow().code());
        assertFalse("a union plugin has no unit of its own", new DirectoryImpl(db, null).ownUnit().isPresent());
        assertFalse(new DirectoryImpl(db, "NOPE").ownUnit().isPresent());
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

    @Test
    public void anAudienceIsAnsweredOnOneTreeForListsCountsAndOneMember() {
        DirectoryImpl directory = new DirectoryImpl(db, null);
        assertEquals(List.of("1001", "1003", "2001", "2002"), staffNos(directory.members(Audience.everyone())));
        assertEquals(List.of("1001", "1003", "2001", "2002"),
                staffNos(directory.members(Audience.units(List.of(tree.root.id()), true))));
        // the university itself has no members of its own
        assertEquals(List.of(), directory.members(Audience.units(List.of(tree.root.id()), false)));
        // a unit without its sub-units still has the members of its groups (they belong to the unit)
        assertEquals(List.of("1001", "1003"), staffNos(directory.members(Audience.units(List.of(tree.cs.id()), false))));
        assertEquals(List.of("1001"), staffNos(directory.members(Audience.units(List.of(tree.csG1.id()), true))));
        assertEquals(List.of("1001", "2001"), staffNos(directory.members(Audience.everyone().withCategories(List.of("female")))));
        assertEquals(List.of(), directory.members(Audience.units(List.of(), true)));

        // counted for their unit, once, also when a group and its unit are both named
        assertEquals(Map.of(tree.cs.id(), 2L, tree.math.id(), 2L), directory.countByUnit(Audience.everyone()));
        assertEquals(Map.of(tree.cs.id(), 1L), directory.countByUnit(Audience.units(List.of(tree.csG1.id()), true)));
        assertEquals(Map.of(tree.cs.id(), 2L),
                directory.countByUnit(Audience.units(List.of(tree.cs.id(), tree.csG1.id()), true)));
        assertEquals(Map.of(tree.cs.id(), 1L, tree.math.id(), 1L),
                directory.countByUnit(Audience.everyone().withCategories(List.of("female"))));

        long wang = directory.findMemberByStaffNo("1001").orElseThrow().id();
        MemberPlacement placement = directory.placement(wang).orElseThrow();
        assertEquals(List.of(tree.csG1.id(), tree.cs.id(), tree.root.id()), placement.unitPath());
        assertTrue(directory.includes(Audience.units(List.of(tree.root.id()), true), wang));
        assertFalse(directory.includes(Audience.units(List.of(tree.root.id()), false), wang));
        assertTrue(directory.includes(Audience.units(List.of(tree.csG1.id()), false), wang));
        assertFalse(directory.includes(Audience.units(List.of(tree.csG2.id()), true), wang));
        assertFalse(directory.includes(Audience.units(List.of(tree.math.id()), true), wang));
        assertFalse(directory.includes(Audience.everyone().withCategories(List.of("cadre")), wang));
        long retired = directory.findMemberByStaffNo("1002").orElseThrow().id();
        assertFalse("only active members are concerned", directory.includes(Audience.everyone(), retired));
    }

    @Test
    public void aUnitPluginsAudienceNeverReachesBeyondItsUnit() {
        DirectoryImpl directory = new DirectoryImpl(db, "CS");
        assertEquals(List.of("1001", "1003"), staffNos(directory.members(Audience.everyone())));
        assertEquals(List.of("1001", "1003"), staffNos(directory.members(Audience.units(List.of(tree.root.id()), true))));
        assertEquals(List.of(), directory.members(Audience.units(List.of(tree.math.id()), true)));
        assertEquals(Map.of(tree.cs.id(), 2L), directory.countByUnit(Audience.units(List.of(tree.root.id()), true)));
        long math = new DirectoryImpl(db, null).findMemberByStaffNo("2001").orElseThrow().id();
        assertFalse(directory.placement(math).isPresent());
        assertFalse(directory.includes(Audience.everyone(), math));
    }

    private static List<String> staffNos(List<MemberDTO> members) {
        return members.stream().map(MemberDTO::staffNo).toList();
    }
}
