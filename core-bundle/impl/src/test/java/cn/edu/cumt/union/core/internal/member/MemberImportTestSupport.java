package cn.edu.cumt.union.core.internal.member;

import static org.junit.Assert.assertTrue;

import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.api.security.UnitScope;

/** Loads members from CSV text for tests in other packages. */
public final class MemberImportTestSupport {

    private MemberImportTestSupport() {
    }

    public static void importCsv(TestDatabase db, String csv) throws Exception {
        ImportReportDTO report = new MemberService(db, db.auditLog).importTable(UnitScope.all(),
                MemberImportTest.read(csv), false);
        assertTrue(report.errors().toString(), report.applied());
    }
}
