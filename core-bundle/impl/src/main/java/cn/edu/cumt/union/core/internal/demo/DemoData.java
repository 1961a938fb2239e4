package cn.edu.cumt.union.core.internal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.core.internal.storage.DataDir;
import cn.edu.cumt.union.core.internal.auth.PasswordHasher;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.org.UnitEntity;

/**
 * Loads a small demonstration university (units, groups, a few hundred members) once, when
 * {@code demo.data=true} and the membership is still empty (only the root exists). Deterministic:
 * the same seed gives the same names every time. Turning {@code demo.data} on while the platform runs
 * loads it at once (DS {@code @Modified}); nothing restarts.
 */
@Component(configurationPid = "cn.edu.cumt.union.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoData.Config.class)
public class DemoData {

    @ObjectClassDefinition(name = "Union demo data", description = "Sample units and members for trying the platform")
    public @interface Config {
        @AttributeDefinition(description = "Load the demonstration data into an empty membership")
        boolean demo_data() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long SEED = 1909L;

    /** code, Chinese name, English name. */
    static final List<String[]> UNITS = List.of(
            new String[] { "MINING", "矿业工程学院", "School of Mines" },
            new String[] { "SAFETY", "安全工程学院", "School of Safety Engineering" },
            new String[] { "MCE", "力学与土木工程学院", "School of Mechanics and Civil Engineering" },
            new String[] { "MEE", "机电工程学院", "School of Mechanical and Electrical Engineering" },
            new String[] { "ICE", "信息与控制工程学院", "School of Information and Control Engineering" },
            new String[] { "RES", "资源与地球科学学院", "School of Resources and Geosciences" },
            new String[] { "CHEM", "化工学院", "School of Chemical Engineering and Technology" },
            new String[] { "MSP", "材料与物理学院", "School of Materials Science and Physics" },
            new String[] { "ESG", "环境与测绘学院", "School of Environment and Spatial Informatics" },
            new String[] { "CS", "计算机科学与技术学院", "School of Computer Science and Technology" },
            new String[] { "ECON", "经济管理学院", "School of Economics and Management" },
            new String[] { "PA", "公共管理学院", "School of Public Policy and Management" },
            new String[] { "MARX", "马克思主义学院", "School of Marxism" },
            new String[] { "FL", "外国语言文化学院", "School of Foreign Studies" },
            new String[] { "MATH", "数学学院", "School of Mathematics" },
            new String[] { "PE", "体育学院", "School of Physical Education" },
            new String[] { "ARCH", "建筑与设计学院", "School of Architecture and Design" },
            new String[] { "LIB", "图书馆", "Library" },
            new String[] { "LOG", "后勤管理处", "Logistics Management Office" },
            new String[] { "ADMIN", "机关", "Administrative Offices" });

    private static final String[] GROUPS = { "第一工会小组", "第二工会小组", "第三工会小组" };
    private static final String[] GROUPS_EN = { "Union Group 1", "Union Group 2", "Union Group 3" };

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡雪梅婷琳博昊天佳慧颖晓峰海燕春雨思远嘉宁泽锋雅琪子涵";

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final DemoUniversityMarker marker;

    @Activate
    public DemoData(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference AuditLog audit, Config config,
            BundleContext context) {
        this(jpa, audit, config, new DemoUniversityMarker(context, SEED));
    }

    DemoData(JpaTemplate jpa, AuditLog audit, Config config, DemoUniversityMarker marker) {
        this.jpa = jpa;
        this.audit = audit;
        this.marker = marker;
        apply(config);
    }

    @Deactivate
    void deactivate() {
        marker.withdraw();
    }

    /** A change of etc/cn.edu.cumt.union.demo.cfg. Loading checks for an empty membership itself, so a repeat loads nothing. */
    @Modified
    synchronized void apply(Config config) {
        if (!config.demo_data()) {
            marker.withdraw();
            return;
        }
        int[] loaded = jpa.txExpr(TransactionType.Required, DemoData::loadIfEmpty);
        if (loaded == null) {
            if (jpa.txExpr(TransactionType.Required, DemoData::demoLoadedBefore)) {
                marker.publish();
            } else {
                LOG.info("Demo data not loaded: the membership is not empty");
            }
            return;
        }
        LOG.info("Loaded demo data: {} units and groups, {} members", loaded[0], loaded[1]);
        audit.record("demo.load", "Unit", null, loaded[0] + " units and groups, " + loaded[1] + " members");
        Path accounts = DataDir.resolve(DemoAccounts.FILE);
        int logins = jpa.txExpr(TransactionType.Required, em -> {
            try {
                return DemoAccounts.create(em, new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS), accounts).size() - 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LOG.warn("Created {} demo logins (unit administrators and members); usernames and passwords are in {}", logins,
                accounts);
        audit.record("demo.accounts", "Account", null, logins + " demo logins");
        marker.publish();
    }

    /** The demo's units, each with its demo name, tell a demo university from real data (the audit trail may be purged). */
    static boolean demoLoadedBefore(EntityManager em) {
        List<String> names = em.createQuery("select u.name from UnitEntity u where u.code in :codes", String.class)
                .setParameter("codes", UNITS.stream().map(spec -> spec[0]).toList()).getResultList();
        return names.size() == UNITS.size()
                && UNITS.stream().allMatch(spec -> names.contains(spec[1] + "工会"));
    }

    /** @return {units, members} created, or {@code null} when anything besides the root already exists */
    static int[] loadIfEmpty(EntityManager em) {
        List<UnitEntity> roots = em.createQuery("select u from UnitEntity u", UnitEntity.class).getResultList();
        Long members = em.createQuery("select count(m) from MemberEntity m", Long.class).getSingleResult();
        if (roots.size() != 1 || members > 0 || roots.get(0).getKind() != UnitKind.UNIVERSITY) {
            return null;
        }
        Random random = new Random(SEED);
        Instant now = Instant.now();
        long rootId = roots.get(0).getId();
        int units = 0;
        int created = 0;
        Set<String> staffNos = new HashSet<>();
        for (String[] spec : UNITS) {
            UnitEntity unit = new UnitEntity(spec[0], spec[1] + "工会", spec[2] + " Union", UnitKind.UNIT, rootId);
            em.persist(unit);
            em.flush();
            units++;
            int groupCount = 2 + random.nextInt(2);
            for (int g = 0; g < groupCount; g++) {
                UnitEntity group = new UnitEntity(spec[0] + "-G" + (g + 1), spec[1] + GROUPS[g], GROUPS_EN[g],
                        UnitKind.GROUP, unit.getId());
                em.persist(group);
                em.flush();
                units++;
                int size = 4 + random.nextInt(6);
                for (int i = 0; i < size; i++) {
                    em.persist(member(random, staffNos, unit.getId(), group.getId(), now));
                    created++;
                }
            }
        }
        em.flush();
        return new int[] { units, created };
    }

    private static MemberEntity member(Random random, Set<String> staffNos, long unitId, long groupId, Instant now) {
        int hired = 1985 + random.nextInt(39);
        String staffNo;
        do {
            staffNo = hired + String.format("%04d", random.nextInt(10000));
        } while (!staffNos.add(staffNo));
        // Half of the surnames come from the ten most common ones, as in a real staff list.
        int surname = random.nextBoolean() ? random.nextInt(10) : random.nextInt(SURNAMES.length());
        String name = SURNAMES.charAt(surname) + given(random) + (random.nextInt(3) == 0 ? "" : given(random));
        MemberEntity member = new MemberEntity(staffNo, name.strip(), unitId, now);
        boolean female = random.nextInt(100) < 45;
        LocalDate birth = LocalDate.of(hired - 24 - random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        member.setGender(female ? "F" : "M");
        member.setBirthDate(birth);
        member.setJoinDate(LocalDate.of(hired, 7 + random.nextInt(3), 1 + random.nextInt(28)));
        member.setPhone("1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        member.setEmail(staffNo + "@cumt.edu.cn");
        member.setGroupId(groupId);
        member.setStatus(hired < 1990 && random.nextInt(3) == 0 ? MemberStatus.RETIRED : MemberStatus.ACTIVE);
        Set<String> categories = new TreeSet<>();
        if (female) {
            categories.add("female");
        }
        if (birth.getYear() >= 1990) {
            categories.add("young");
            if (random.nextInt(3) == 0) {
                categories.add("single");
            }
        }
        if (random.nextInt(100) < 6) {
            categories.add("veteran");
        }
        if (random.nextInt(100) < 12) {
            categories.add("cadre");
        }
        if (random.nextInt(100) < 8) {
            categories.add("delegate");
        }
        if (random.nextInt(100) < 2) {
            categories.add("model-worker");
        }
        member.setCategories(categories);
        return member;
    }

    private static String given(Random random) {
        return String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
}
