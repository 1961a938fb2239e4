package cn.edu.cumt.union.core.internal.member;

import static cn.edu.cumt.union.core.internal.member.MemberImportTest.read;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.table.TablesImpl;

/** Export then import through the real Tables service: nothing is lost, nothing duplicated. */
public class MemberTableRoundTripTest {

    @Test
    public void csvRoundTrip() throws Exception {
        roundTrip(TableFormat.CSV);
    }

    @Test
    public void xlsxRoundTrip() throws Exception {
        roundTrip(TableFormat.XLSX);
    }

    private void roundTrip(TableFormat format) throws Exception {
        TestDatabase db = TestDatabase.fresh();
        TestTree tree = new TestTree(db);
        MemberService members = new MemberService(db, db.auditLog);
        String csv = "工号,姓名,性别,出生日期,手机,邮箱,单位代码,小组代码,状态,入会日期,类别\n"
                + "0012,王芳,F,1985-03-02,13800000001,wf@cumt.edu.cn,CS,CS-G1,退休,2008-07-01,female;cadre\n"
                + "1002,李强,M,,,,MATH,MATH-G1,,,veteran\n"
                + "1003,张敏,,,,,CS,,调出,,\n";
        assertTrue(members.importTable(UnitScope.all(), read(csv), false).applied());
        List<MemberDTO> before = members.all(UnitScope.all(), new MemberQuery(null, null, null, null));

        TablesImpl tables = new TablesImpl();
        Map<Long, UnitDTO> units = tree.organisation.list(true).stream()
                .collect(Collectors.toMap(UnitDTO::id, Function.identity()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.write(format, "会员", MemberTableFormat.header(), MemberTableFormat.rows(before, units), out);
        List<List<String>> table = tables.read(format, new ByteArrayInputStream(out.toByteArray()));
        assertEquals(4, table.size());

        ImportReportDTO report = members.importTable(UnitScope.all(), table, false);
        assertTrue(report.errors().toString(), report.applied());
        assertEquals(0, report.toCreate());
        assertEquals(3, report.toUpdate());
        assertEquals(before, members.all(UnitScope.all(), new MemberQuery(null, null, null, null)));
    }
}
