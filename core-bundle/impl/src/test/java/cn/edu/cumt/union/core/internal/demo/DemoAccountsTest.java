package cn.edu.cumt.union.core.internal.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.core.internal.auth.AccountEntity;
import cn.edu.cumt.union.core.internal.auth.PasswordHasher;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.org.TestDatabase;

public class DemoAccountsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyUnitGetsAnAdministratorWhosePasswordIsOnlyInTheOwnerOnlyFile() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        new OrganisationService(db, db.auditLog).ensureRoot("CUMT", "中国矿业大学工会", null);
        db.txExpr(DemoData::loadIfEmpty);
        PasswordHasher hasher = new PasswordHasher(1_000);
        Path file = folder.getRoot().toPath().resolve("union/demo-accounts.csv");

        List<String> lines = db.txExpr(em -> {
            try {
                return DemoAccounts.create(em, hasher, file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });

        assertEquals(lines, Files.readAllLines(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String[]> admins = lines.stream().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[2].equals(Roles.UNIT_ADMIN)).toList();
        assertEquals(DemoData.UNITS.size(), admins.size());
        List<String[]> unionAdmins = lines.stream().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[2].equals(Roles.UNION_ADMIN)).toList();
        assertEquals("one union administrator (校工会), from 机关", 1, unionAdmins.size());
        assertEquals(DemoAccounts.UNION_STAFF_UNIT, unionAdmins.get(0)[3]);
        long universityWide = db.txExpr(em -> em.createQuery("select count(g) from RoleGrantEntity g, AccountEntity a"
                + " where g.accountId = a.id and a.username = :u and g.role = :r and g.unitId is null", Long.class)
                .setParameter("u", unionAdmins.get(0)[0]).setParameter("r", Roles.UNION_ADMIN).getSingleResult());
        assertEquals(1, universityWide);
        assertEquals(5, lines.size() - 1 - admins.size() - unionAdmins.size());
        for (String[] admin : admins) {
            AccountEntity account = db.txExpr(em -> em.createQuery(
                    "select a from AccountEntity a where a.username = :u", AccountEntity.class)
                    .setParameter("u", admin[0]).getSingleResult());
            assertTrue("password in the file opens the account", hasher.verify(admin[1], account.getPasswordHash()));
            long grants = db.txExpr(em -> em.createQuery("select count(g) from RoleGrantEntity g where g.accountId = :a"
                    + " and g.role = :r", Long.class).setParameter("a", account.getId())
                    .setParameter("r", Roles.UNIT_ADMIN).getSingleResult());
            assertEquals(1, grants);
        }
    }
}
