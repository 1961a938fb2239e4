package cn.edu.cumt.union.core.internal.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.core.internal.member.ImportReportDTO.ImportErrorDTO;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.table.TablesImpl;

public class MemberImportTest {

    private static final String HEADER = "工号,姓名,性别,出生日期,手机,邮箱,单位代码,小组代码,状态,入会日期,类别\n";
    private static final String GOOD = HEADER
            + "1001,王芳,女,1985-03-02,13800000001,wf@cumt.edu.cn,CS,CS-G1,在职会员,2008-07-01,女教职工;干部\n"
            + "1002,李强,M,1990-11-20,,,CS,,ACTIVE,,veteran、young\n"
            + "1003,张敏,F,,,,MATH,MATH-G1,,,\n";

    private TestDatabase db;
    private TestTree tree;
    private MemberService members;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        members = new MemberService(db, db.auditLog);
    }

    @Test
    public void dryRunReportsEveryBadRowWithLineColumnAndReason() throws Exception {
        String csv = HEADER
                + "1001,王芳,女,1985-03-02,13800000001,wf@cumt.edu.cn,CS,CS-G1,在职会员,2008-07-01,女教职工\n" // line 2 good
                + "10-02,,X,1985/03/02,phone,not-mail,NOPE,,,,\n" // line 3: six problems
                + "1001,重复,M,,,,CS,,,,\n" // line 4: duplicate staff number
                + "1004,赵六,M,,,,CS,MATH-G1,休眠,,外星人\n" // line 5: group of another unit, status, category
                + ",,,,,,,,,,\n" // blank line: skipped
                + "1005,孙七,M,,,,CS-G1,,,,\n"; // line 7: a group code where a unit is expected
        ImportReportDTO report = members.importTable(UnitScope.all(), read(csv), true);
        assertEquals(5, report.rows());
        assertEquals(1, report.valid());
        assertEquals(1, report.toCreate());
        assertFalse(report.applied());
        assertError(report, 3, "工号");
        assertError(report, 3, "姓名");
        assertError(report, 3, "性别");
        assertError(report, 3, "出生日期");
        assertError(report, 3, "手机");
        assertError(report, 3, "邮箱");
        assertError(report, 3, "单位代码");
        assertError(report, 4, "工号");
        assertError(report, 5, "小组代码");
        assertError(report, 5, "状态");
        assertError(report, 5, "类别");
        assertError(report, 7, "单位代码");
        assertEquals(12, report.errors().size());
        for (ImportErrorDTO error : report.errors()) {
            assertFalse(error.reason().isBlank());
            assertFalse(error.reasonEn().isBlank());
        }
        assertEquals(0L, (long) db.count("select count(m) from MemberEntity m", Long.class));
    }

    @Test
    public void missingOrUnknownHeadersAreReportedOnLineOne() throws Exception {
        ImportReportDTO report = members.importTable(UnitScope.all(), read("staffNo,姓名,年龄\n1001,王芳,30\n"), true);
        assertError(report, 1, "年龄");
        assertError(report, 1, "单位代码");
        assertEquals(0, report.valid());
    }

    @Test
    public void applyIsAllOrNothing() throws Exception {
        String csv = GOOD + "1004,,M,,,,CS,,,,\n";
        ImportReportDTO report = members.importTable(UnitScope.all(), read(csv), false);
        assertFalse(report.applied());
        assertEquals(1, report.errors().size());
        assertError(report, 5, "姓名");
        assertEquals(0L, (long) db.count("select count(m) from MemberEntity m", Long.class));
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("denied member.import")));
    }

    @Test
    public void reimportUpdatesInsteadOfDuplicating() throws Exception {
        ImportReportDTO first = members.importTable(UnitScope.all(), read(GOOD), false);
        assertTrue(first.applied());
        assertEquals(3, first.toCreate());
        MemberDTO wang = find("1001");
        assertEquals("F", wang.gender());
        assertEquals(Set.of("female", "cadre"), wang.categories());
        assertEquals(Long.valueOf(tree.csG1.id()), wang.groupId());

        String changed = GOOD.replace("1001,王芳,女", "1001,王芳芳,女").replace("1003,张敏,F,,,,MATH,MATH-G1,,,",
                "1003,张敏,F,,,,CS,,退休,,");
        ImportReportDTO second = members.importTable(UnitScope.all(), read(changed), false);
        assertTrue(second.applied());
        assertEquals(0, second.toCreate());
        assertEquals(3, second.toUpdate());
        assertEquals(3L, (long) db.count("select count(m) from MemberEntity m", Long.class));
        assertEquals("王芳芳", find("1001").name());
        MemberDTO zhang = find("1003");
        assertEquals(tree.cs.id(), zhang.unitId());
        assertEquals(MemberStatus.RETIRED, zhang.status());
        // The unit change by import is kept as a transfer.
        assertEquals(1, members.transfers(UnitScope.all(), zhang.id()).size());
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("member.import") && line.contains("updated 3")));
    }

    @Test
    public void unitAdminsImportOnlyForTheirUnits() throws Exception {
        members.importTable(UnitScope.all(), read(GOOD), false);
        UnitScope csAdmin = UnitScope.of(Set.of(tree.cs.id(), tree.csG1.id(), tree.csG2.id()));
        String csv = HEADER + "2001,新人,M,,,,CS,,,,\n" + "2002,别人,M,,,,MATH,,,,\n" + "1003,张敏,F,,,,CS,,,,\n";
        ImportReportDTO report = members.importTable(csAdmin, read(csv), true);
        assertEquals(1, report.valid());
        assertError(report, 3, "单位代码");
        assertError(report, 4, "工号");
    }

    @Test
    public void englishHeadersAreAccepted() throws Exception {
        String csv = "staffNo,name,unitCode,categories\n3001,Li Lei,CS,model-worker;劳模\n";
        ImportReportDTO report = members.importTable(UnitScope.all(), read(csv), false);
        assertTrue(report.errors().toString(), report.applied());
        assertEquals(Set.of("model-worker"), find("3001").categories());
    }

    @Test
    public void hundredThousandRowsAreCheckedQuickly() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append(100000 + i).append(",会员").append(i).append(",M,1980-01-01,13800000000,,CS,CS-G1,,,cadre\n");
        }
        long start = System.nanoTime();
        ImportReportDTO report = members.importTable(UnitScope.all(), read(csv.toString()), true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(100_000, report.valid());
        assertTrue("dry run of 100,000 rows took " + millis + " ms", millis < 20_000);
    }

    private MemberDTO find(String staffNo) {
        return members.search(UnitScope.all(), new MemberQuery(staffNo, null, null, null), 0, 10).items().stream()
                .filter(m -> m.staffNo().equals(staffNo)).findFirst().orElseThrow();
    }

    static List<List<String>> read(String csv) throws Exception {
        return new TablesImpl().read(TableFormat.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertError(ImportReportDTO report, int line, String column) {
        assertTrue("expected an error at line " + line + " column " + column + " in " + report.errors(),
                report.errors().stream().anyMatch(e -> e.line() == line && column.equals(e.column())));
    }
}
