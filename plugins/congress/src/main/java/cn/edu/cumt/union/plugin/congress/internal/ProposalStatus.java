package cn.edu.cumt.union.plugin.congress.internal;

import java.util.EnumSet;
import java.util.Set;

import cn.edu.cumt.union.api.flow.CaseState;

/** Where a proposal stands. */
public enum ProposalStatus {
    /** 草稿: the delegate drafts and gathers seconders. */
    DRAFT("草稿"),
    /** 待团长审核: waits on the head of the proposer's delegation. */
    SUBMITTED("待代表团团长审核"),
    /** 退回修改: the head sent it back to the proposer. */
    RETURNED("退回修改"),
    /** 待提案工作委员会审查. */
    IN_COMMITTEE("待提案工作委员会审查"),
    /** 已立案, waiting on the lead department's answer. */
    ACCEPTED("已立案待答复"),
    /** 已答复, waiting on the proposer's and seconders' ratings. */
    ANSWERED("已答复待评价"),
    /** 已办结: every rater rated the last answer. */
    CLOSED("已办结"),
    /** 转为意见建议. */
    OPINION("转为意见建议"),
    /** 已并案: merged into another proposal. */
    MERGED("已并案"),
    /** 不予立案. */
    NOT_ACCEPTED("不予立案");

    /** The statuses every member sees: the committee has decided. */
    static final Set<ProposalStatus> PUBLIC = EnumSet.of(ACCEPTED, ANSWERED, CLOSED, OPINION, MERGED, NOT_ACCEPTED);

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isPublic() {
        return PUBLIC.contains(this);
    }

    /** Where a proposal of this status stands in {@link CongressFlow#PROPOSAL}; {@code null} for a draft. */
    CaseState caseState() {
        return switch (this) {
            case DRAFT -> null;
            case SUBMITTED, IN_COMMITTEE -> CaseState.IN_REVIEW;
            case RETURNED -> CaseState.RETURNED;
            case ACCEPTED, ANSWERED, CLOSED -> CaseState.APPROVED;
            case OPINION, MERGED, NOT_ACCEPTED -> CaseState.REJECTED;
        };
    }
}
