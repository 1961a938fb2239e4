package cn.edu.cumt.union.plugin.congress.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * Who may see and attach files: a proposal's files ({@code proposal}, by its proposer while a
 * draft) and its answer's ({@code answer}, by the lead department while answering) to whoever sees
 * the proposal; a unit's evaluation evidence ({@code evaluation}, record id {@code <year>-<unitId>})
 * to who manages the unit.
 */
@Component(service = AttachmentAccess.class)
public class CongressFiles implements AttachmentAccess {

    private final CongressService congress;
    private final CongressEvaluationService evaluations;

    @Activate
    public CongressFiles(@Reference CongressService congress, @Reference CongressEvaluationService evaluations) {
        this.congress = congress;
        this.evaluations = evaluations;
    }

    @Override
    public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
        if (CongressEvaluationService.EVIDENCE_TYPE.equals(recordType)) {
            return evidence(caller, recordId);
        }
        Long id = proposalId(recordType, recordId);
        return id != null && congress.maySee(caller, id);
    }

    @Override
    public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
        if (CongressEvaluationService.EVIDENCE_TYPE.equals(recordType)) {
            return evidence(caller, recordId);
        }
        Long id = proposalId(recordType, recordId);
        return id != null && congress.mayChange(caller, recordType, id);
    }

    private boolean evidence(UnionPrincipal caller, String recordId) {
        if (recordId == null || !recordId.matches("20[0-9]{2}-[1-9][0-9]{0,17}")) {
            return false;
        }
        return evaluations.mayUseEvidence(caller, Integer.parseInt(recordId.substring(0, 4)),
                Long.parseLong(recordId.substring(5)));
    }

    private static Long proposalId(String recordType, String recordId) {
        if (!(CongressService.PROPOSAL_TYPE.equals(recordType) || CongressService.ANSWER_TYPE.equals(recordType))
                || recordId == null || !recordId.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.valueOf(recordId);
    }
}
