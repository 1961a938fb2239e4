package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.DemoUniversity;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * Demo records of the congress, loaded once into empty CONGRESS_ tables while the platform's demo
 * university is there ({@link DemoUniversity}): this year's session with delegates from every unit,
 * proposals at every stage (drafts gathering seconders, in review, accepted, answered, rated, merged, not
 * accepted, one overdue) and a scoring sheet with every unit's scores. Deterministic: the same demo
 * university gives the same records. Audited as {@code congress.demo.load}.
 */
@Component(immediate = true)
public class CongressDemoData {

    static final String[][] PROPOSALS = {
            { "关于完善青年教师职业发展支持体系的提案", "青年教师教学科研压力较大，成长通道有待完善", "设立青年教师发展基金，健全导师帮带制度" },
            { "关于进一步改善教职工就餐条件的提案", "校区食堂高峰时段拥挤，菜品种类偏少", "增设教工餐厅窗口，推行线上订餐" },
            { "关于扩大教职工爱心扶助金覆盖范围的提案", "部分困难教职工未能纳入帮扶范围", "修订扶助金管理办法，提高资助标准" },
            { "关于建设校园健康驿站小站的提案", "二级单位教职工身心健康服务不足", "指导各单位建设健康驿站小站，开展点单式服务" },
            { "关于优化教职工体检项目的提案", "现有体检项目针对性不强", "按年龄段和性别设置可选体检套餐" },
            { "关于加强女教职工关爱工作的提案", "女教职工在工作与家庭间压力较大", "开设健康讲座和主题沙龙，完善哺乳室" },
            { "关于丰富教职工文体活动的提案", "文体活动覆盖面有待扩大", "依托教职工社团常态化开展园丁杯系列赛事" },
            { "关于解决教职工子女入托入学困难的提案", "部分青年教职工子女入托入学难", "协调附属幼儿园与周边学校扩大学位" },
            { "关于推进二级教代会规范化建设的提案", "部分二级单位教代会制度执行不到位", "结合考评办法加强指导，定期通报" },
            { "关于改善校园停车管理的提案", "上下班高峰停车位紧张", "优化停车位布局，建设立体停车场" },
            { "关于完善离退休教职工服务的提案", "离退休教职工服务渠道分散", "建立一站式服务窗口" },
            { "关于提高提案办理质量的提案", "部分提案答复针对性不强", "建立提案办理回访和满意度评价制度" },
    };
    static final String[][] CRITERIA = { { "组织建设", "20", "20" }, { "民主管理", "30", "30" }, { "提案工作", "25", "25" },
            { "厂务公开", "15", "15" }, { "特色创新", "10", "10" } };
    private static final Logger LOG = LoggerFactory.getLogger(CongressDemoData.class);

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AuditLog audit;
    private final long seed;
    private final Clock clock;

    /** {@code schema} is not used: referencing it makes DS wait until the CONGRESS_ tables exist. */
    @Activate
    public CongressDemoData(@Reference DemoUniversity demo, @Reference(target = "(osgi.unit.name=union-congress)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=congress)") SchemaReady schema,
            @Reference Directory directory, @Reference AuditLog audit) {
        this(jpa, directory, audit, demo.seed(), Clock.systemUTC());
        try {
            load();
        } catch (RuntimeException e) {
            LOG.warn("Congress demo records not loaded: {}", e.toString());
        }
    }

    CongressDemoData(JpaTemplate jpa, Directory directory, AuditLog audit, long seed, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.audit = audit;
        this.seed = seed;
        this.clock = clock;
    }

    /** @return the number of proposals created; 0 when the tables were not empty or the directory has no units */
    int load() {
        Random random = new Random(seed ^ 0x636f6e67L);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, CongressService.ZONE);
        List<UnitDTO> units = directory.units().stream().filter(u -> u.kind() == UnitKind.UNIT && !u.retired()).toList();
        if (units.isEmpty()) {
            return 0;
        }
        List<MemberDTO> members = directory.members(Audience.everyone());
        int created = jpa.txExpr(TransactionType.Required, em -> {
            long existing = em.createQuery("select count(s) from CongressSessionEntity s", Long.class).getSingleResult()
                    + em.createQuery("select count(s) from CongressSheetEntity s", Long.class).getSingleResult();
            if (existing > 0) {
                return 0;
            }
            CongressSessionEntity session = new CongressSessionEntity();
            session.title = "第九届教代会暨第十五届工代会第五次会议";
            session.year = today.getYear();
            session.startsOn = today.minusDays(60);
            session.endsOn = today.minusDays(58);
            session.createdBy = "demo";
            session.createdAt = now.minus(90, ChronoUnit.DAYS);
            em.persist(session);
            em.flush();
            // up to 4 delegates per unit, by staff number order (the directory's)
            List<CongressDelegateEntity> delegates = new ArrayList<>();
            for (UnitDTO unit : units) {
                members.stream().filter(m -> m.unitId() == unit.id()).limit(4).forEach(m -> {
                    CongressDelegateEntity d = new CongressDelegateEntity();
                    d.sessionId = session.id;
                    d.memberId = m.id();
                    d.unitId = unit.id();
                    d.name = m.name();
                    em.persist(d);
                    delegates.add(d);
                });
            }
            if (delegates.size() < 3) {
                return 0;
            }
            ProposalStatus[] plan = { ProposalStatus.CLOSED, ProposalStatus.CLOSED, ProposalStatus.ANSWERED,
                    ProposalStatus.ACCEPTED, ProposalStatus.ACCEPTED, ProposalStatus.OPINION, ProposalStatus.MERGED,
                    ProposalStatus.NOT_ACCEPTED, ProposalStatus.IN_COMMITTEE, ProposalStatus.SUBMITTED,
                    ProposalStatus.DRAFT, ProposalStatus.CLOSED };
            Long firstAccepted = null;
            for (int i = 0; i < PROPOSALS.length; i++) {
                CongressDelegateEntity proposer = delegates.get(random.nextInt(delegates.size()));
                CongressProposalEntity p = new CongressProposalEntity();
                p.sessionId = session.id;
                p.unitId = proposer.unitId;
                p.proposerMemberId = proposer.memberId;
                p.proposerUsername = members.stream().filter(m -> m.id() == proposer.memberId).findFirst()
                        .map(MemberDTO::staffNo).orElse("demo");
                p.proposerName = proposer.name;
                p.title = PROPOSALS[i][0];
                p.reason = PROPOSALS[i][1];
                p.measures = PROPOSALS[i][2];
                p.status = plan[i];
                p.createdAt = now.minus(55 - i, ChronoUnit.DAYS);
                p.updatedAt = now;
                Instant submitted = p.createdAt.plus(1, ChronoUnit.DAYS);
                if (p.status != ProposalStatus.DRAFT) {
                    p.submittedAt = submitted;
                    p.stage = p.status == ProposalStatus.SUBMITTED ? CongressFlow.HEAD : CongressFlow.COMMITTEE;
                    p.stageSince = submitted.plus(2, ChronoUnit.DAYS);
                }
                UnitDTO lead = units.get(random.nextInt(units.size()));
                if (p.status.caseState() != null && p.status.caseState().isFinal()) {
                    p.decidedBy = "demo";
                    p.decidedAt = submitted.plus(5, ChronoUnit.DAYS);
                    p.firstReviewer = "demo";
                }
                switch (p.status) {
                    case ACCEPTED, ANSWERED, CLOSED -> {
                        p.leadUnitId = lead.id();
                        // the second ACCEPTED one is overdue, for the supervision list
                        p.dueOn = i == 4 ? today.minusDays(3) : today.plusDays(10 + i);
                        if (p.status != ProposalStatus.ACCEPTED) {
                            p.answerRound = 1;
                            p.answerText = "经研究，" + lead.name() + "已将该建议纳入本年度工作计划，将分阶段落实。";
                            p.answeredBy = "demo";
                            p.answeredAt = p.decidedAt.plus(10, ChronoUnit.DAYS);
                        }
                    }
                    case OPINION -> p.decisionReason = "建议性较强，转相关部门作为意见建议参考";
                    case NOT_ACCEPTED -> p.decisionReason = "不属于提案受理范围";
                    default -> {
                    }
                }
                if (p.status == ProposalStatus.MERGED) {
                    p.mergedIntoId = firstAccepted;
                    p.decisionReason = "内容相近，并案办理";
                }
                em.persist(p);
                em.flush();
                if (firstAccepted == null && p.leadUnitId != null) {
                    firstAccepted = p.id;
                }
                seconders(em, p, proposer, delegates, random, p.status == ProposalStatus.DRAFT ? 1 : 2, now);
                if (p.status == ProposalStatus.CLOSED) {
                    for (CongressSeconderEntity s : em.createQuery("select s from CongressSeconderEntity s where"
                            + " s.proposalId = :p", CongressSeconderEntity.class).setParameter("p", p.id).getResultList()) {
                        rating(em, p, s.memberId, random.nextInt(4) == 0 ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED);
                    }
                    rating(em, p, p.proposerMemberId, Rating.SATISFIED);
                }
                CongressTransitionEntity t = new CongressTransitionEntity();
                t.proposalId = p.id;
                t.action = "demo";
                t.to = p.status;
                t.actor = "demo";
                t.at = now;
                em.persist(t);
            }
            sheet(em, today.getYear(), units, random, now);
            return PROPOSALS.length;
        });
        if (created > 0) {
            audit.record("congress.demo.load", "CongressSession", "demo", created + " proposals, " + units.size()
                    + " units scored");
        }
        return created;
    }

    private static void seconders(EntityManager em, CongressProposalEntity p, CongressDelegateEntity proposer,
            List<CongressDelegateEntity> delegates, Random random, int count, Instant now) {
        List<CongressDelegateEntity> others = new ArrayList<>(delegates.stream().filter(d -> d.memberId != proposer.memberId)
                .toList());
        for (int k = 0; k < count && !others.isEmpty(); k++) {
            CongressDelegateEntity d = others.remove(random.nextInt(others.size()));
            CongressSeconderEntity s = new CongressSeconderEntity();
            s.proposalId = p.id;
            s.memberId = d.memberId;
            s.name = d.name;
            s.invitedAt = p.createdAt;
            s.secondedAt = p.createdAt.plus(1, ChronoUnit.HOURS);
            em.persist(s);
        }
    }

    private static void rating(EntityManager em, CongressProposalEntity p, long memberId, Rating rating) {
        CongressRatingEntity r = new CongressRatingEntity();
        r.proposalId = p.id;
        r.memberId = memberId;
        r.round = 1;
        r.rating = rating;
        r.ratedAt = p.answeredAt.plus(2, ChronoUnit.DAYS);
        em.persist(r);
    }

    private static void sheet(EntityManager em, int year, List<UnitDTO> units, Random random, Instant now) {
        CongressSheetEntity sheet = new CongressSheetEntity();
        sheet.year = year;
        sheet.title = "中国矿业大学二级教职工（代表）大会考评表";
        sheet.updatedBy = "demo";
        sheet.updatedAt = now;
        em.persist(sheet);
        em.flush();
        List<CongressCriterionEntity> criteria = new ArrayList<>();
        for (int i = 0; i < CRITERIA.length; i++) {
            CongressCriterionEntity c = new CongressCriterionEntity();
            c.sheetId = sheet.id;
            c.position = i;
            c.name = CRITERIA[i][0];
            c.weight = new BigDecimal(CRITERIA[i][1]).setScale(2);
            c.maxScore = new BigDecimal(CRITERIA[i][2]).setScale(2);
            em.persist(c);
            criteria.add(c);
        }
        em.flush();
        for (UnitDTO unit : units) {
            for (CongressCriterionEntity c : criteria) {
                CongressScoreEntity s = new CongressScoreEntity();
                s.criterionId = c.id;
                s.unitId = unit.id();
                // between 60 % and 100 % of the maximum, in half points
                int halfPoints = c.maxScore.intValue() * 2;
                s.score = BigDecimal.valueOf(halfPoints * 6 / 10 + random.nextInt(halfPoints * 4 / 10 + 1), 0)
                        .divide(BigDecimal.valueOf(2)).setScale(2);
                s.scoredBy = "demo";
                s.scoredAt = now;
                em.persist(s);
            }
        }
    }
}
