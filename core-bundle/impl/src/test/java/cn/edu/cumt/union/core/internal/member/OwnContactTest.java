package cn.edu.cumt.union.core.internal.member;

import static cn.edu.cumt.union.core.internal.member.MemberImportTest.read;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;

/** A member changes their own phone and e-mail: checked like an administrator's edit, audited masked. */
public class OwnContactTest {

    private TestDatabase db;
    private MemberService members;
    private long zhang;
    private long li;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        new TestTree(db);
        members = new MemberService(db, db.auditLog);
        assertTrue(members.importTable(UnitScope.all(), read("工号,姓名,单位代码\n3001,张三,CS\n3002,李四,MATH\n"), false)
                .applied());
        zhang = idOf("3001");
        li = idOf("3002");
        db.audit.clear();
    }

    @Test
    public void aMemberChangesTheirOwnContactOnly() {
        ContactDTO changed = members.updateOwnContact(zhang, new ContactChangeDTO("13812345678", "zhang.san@cumt.edu.cn"));
        assertEquals(new ContactDTO("13812345678", "zhang.san@cumt.edu.cn"), changed);
        assertEquals("13812345678", members.get(UnitScope.all(), zhang).phone());
        assertEquals("zhang.san@cumt.edu.cn", members.get(UnitScope.all(), zhang).email());
        assertNull(members.get(UnitScope.all(), li).phone());
        // "" clears
        assertEquals(new ContactDTO("13812345678", null), members.updateOwnContact(zhang, new ContactChangeDTO("13812345678", "")));
    }

    @Test
    public void theAuditShowsOldAndNewMasked() {
        members.updateOwnContact(zhang, new ContactChangeDTO("13812345678", "zhang.san@cumt.edu.cn"));
        members.updateOwnContact(zhang, new ContactChangeDTO("13987654321", "zhang.san@cumt.edu.cn"));
        assertEquals(List.of(
                "member.contact " + zhang + " phone (none) -> 138****5678, email (none) -> z***@cumt.edu.cn",
                "member.contact " + zhang + " phone 138****5678 -> 139****4321"), db.audit);
        db.audit.forEach(line -> assertFalse(line, line.contains("1234") || line.contains("zhang.san")));
        // no change, no audit line
        members.updateOwnContact(zhang, new ContactChangeDTO("13987654321", "zhang.san@cumt.edu.cn"));
        assertEquals(2, db.audit.size());
    }

    @Test
    public void badValuesAreRefusedWithTheMemberRules() {
        expect(400, "request.field-invalid", () -> members.updateOwnContact(zhang, new ContactChangeDTO("call me", "")));
        expect(400, "request.field-invalid", () -> members.updateOwnContact(zhang, new ContactChangeDTO("", "not-an-email")));
        expect(400, "request.field-invalid",
                () -> members.updateOwnContact(zhang, new ContactChangeDTO("", "a".repeat(190) + "@cumt.edu.cn")));
        expect(400, "request.body-missing", () -> members.updateOwnContact(zhang, null));
        // both are given: {} is no request
        expect(400, "request.field-missing", () -> members.updateOwnContact(zhang, new ContactChangeDTO(null, "")));
        expect(400, "request.field-missing", () -> members.updateOwnContact(zhang, new ContactChangeDTO("", null)));
        assertNull(members.get(UnitScope.all(), zhang).phone());
        assertTrue(db.audit.isEmpty());
    }

    @Test
    public void anAccountWithoutAMemberRecordIsToldSo() {
        expect(404, "me.no-member", () -> members.updateOwnContact(null, new ContactChangeDTO("13812345678", "")));
        expect(404, "me.no-member", () -> members.updateOwnContact(999_999L, new ContactChangeDTO("13812345678", "")));
    }

    @Test
    public void masksNeverShowTheWholeValue() {
        assertEquals("(none)", ContactMask.phone(null));
        assertEquals("*****", ContactMask.phone("12345"));
        assertEquals("861***2378", ContactMask.phone("+8613812378"));
        assertEquals("***", ContactMask.email("@x.cn"));
        assertEquals("a***@b.cn", ContactMask.email("a@b.cn"));
    }

    private long idOf(String staffNo) {
        return members.search(UnitScope.all(), new MemberQuery(staffNo, null, null, null), 0, 10).items().get(0).id();
    }

    private static void expect(int status, String code, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertEquals(e.messageEn(), code, e.code());
            assertEquals(status, e.status());
            return;
        }
        fail("expected " + status + " " + code);
    }
}
