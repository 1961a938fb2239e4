package cn.edu.cumt.union.core.internal.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.core.internal.auth.AccountEntity;
import cn.edu.cumt.union.core.internal.storage.DataDir;
import cn.edu.cumt.union.core.internal.auth.PasswordHasher;
import cn.edu.cumt.union.core.internal.auth.RoleGrantEntity;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.UnitEntity;

/**
 * Demo logins: the first active member of every unit becomes that unit's administrator, the second of
 * 机关 the union administrator (校工会), and a few members get plain accounts. Passwords are random and written, with the usernames, to an
 * owner-only file; nothing is hard-coded.
 */
final class DemoAccounts {

    static final String FILE = "union/demo-accounts.csv";
    private static final int PLAIN_MEMBERS = 5;
    /** The unit whose second member gets the union administrator's (校工会管理员) demo login. */
    static final String UNION_STAFF_UNIT = "ADMIN";

    private DemoAccounts() {
    }

    /** @return the CSV lines written (header first) */
    static List<String> create(EntityManager em, PasswordHasher hasher, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("username,password,role,unit\n");
        Instant now = Instant.now();
        List<UnitEntity> units = em.createQuery("select u from UnitEntity u where u.kind = :kind order by u.code",
                UnitEntity.class).setParameter("kind", UnitKind.UNIT).getResultList();
        int plain = 0;
        for (UnitEntity unit : units) {
            List<MemberEntity> members = em.createQuery("select m from MemberEntity m where m.unitId = :unit"
                    + " and m.status = :active order by m.staffNo", MemberEntity.class).setParameter("unit", unit.getId())
                    .setParameter("active", MemberStatus.ACTIVE).setMaxResults(2).getResultList();
            if (members.isEmpty()) {
                continue;
            }
            csv.append(account(em, hasher, members.get(0), now, Roles.UNIT_ADMIN, unit)).append('\n');
            if (UNION_STAFF_UNIT.equals(unit.getCode()) && members.size() > 1) {
                // the university union's own staff sit in 机关: one of them administers the whole union
                csv.append(account(em, hasher, members.get(1), now, Roles.UNION_ADMIN, unit)).append('\n');
                continue;
            }
            if (plain < PLAIN_MEMBERS && members.size() > 1) {
                csv.append(account(em, hasher, members.get(1), now, Roles.MEMBER, unit)).append('\n');
                plain++;
            }
        }
        DataDir.writeOwnerOnly(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        return csv.toString().lines().toList();
    }

    private static String account(EntityManager em, PasswordHasher hasher, MemberEntity member, Instant now,
            String role, UnitEntity unit) {
        String password = hasher.randomPassword(14);
        AccountEntity account = new AccountEntity(member.getStaffNo(), member.getId(), now);
        account.setPasswordHash(hasher.hash(password), now);
        em.persist(account);
        em.flush();
        if (Roles.UNIT_ADMIN.equals(role)) {
            em.persist(new RoleGrantEntity(account.getId(), Roles.UNIT_ADMIN, unit.getId()));
        } else if (Roles.UNION_ADMIN.equals(role)) {
            em.persist(new RoleGrantEntity(account.getId(), Roles.UNION_ADMIN, null));
        }
        return member.getStaffNo() + "," + password + "," + role + "," + unit.getCode();
    }
}
