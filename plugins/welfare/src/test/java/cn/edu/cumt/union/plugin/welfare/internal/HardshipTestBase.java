package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

/** Shortcuts for hardship cases. */
abstract class HardshipTestBase extends WelfareTestBase {

    long apply(cn.edu.cumt.union.api.security.UnionPrincipal caller, Long memberId, Fund fund, String asked) {
        return hardship.apply(caller, new HardshipApplyDTO(fund, memberId, "家人重病住院，医疗费用负担重", yuan(asked),
                "32010219800101123X", "13800001234")).application().id();
    }

    HardshipDetailDTO decide(cn.edu.cumt.union.api.security.UnionPrincipal caller, long id, HardshipDecision decision,
            String granted) {
        return hardship.review(caller, id, new HardshipReviewDTO(decision, null,
                decision == HardshipDecision.APPROVE ? null : "请补充材料", granted == null ? null : new BigDecimal(granted)));
    }

    /** Applied by MEMBER-like caller, approved by the unit's admin and granted by the union. */
    long granted(cn.edu.cumt.union.api.security.UnionPrincipal applicant, Fund fund, String asked, String granted) {
        long id = apply(applicant, null, fund, asked);
        decide(unitAdminFor(applicant), id, HardshipDecision.APPROVE, null);
        decide(UNION_ADMIN, id, HardshipDecision.APPROVE, granted);
        return id;
    }

    static cn.edu.cumt.union.api.security.UnionPrincipal unitAdminFor(cn.edu.cumt.union.api.security.UnionPrincipal who) {
        if (who.memberUnitId() != null && who.memberUnitId() == 20L) {
            return MATH_ADMIN;
        }
        return who == CS_ADMIN ? CS_ADMIN2 : CS_ADMIN;
    }
}
