package cn.edu.cumt.union.plugin.welfare.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** An application's documents: seen by whoever may see the application, changed while it is open. */
@Component(service = AttachmentAccess.class)
public class HardshipFiles implements AttachmentAccess {

    private final HardshipService hardship;

    @Activate
    public HardshipFiles(@Reference HardshipService hardship) {
        this.hardship = hardship;
    }

    @Override
    public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
        Long id = caseId(recordType, recordId);
        return id != null && hardship.maySee(caller, id);
    }

    @Override
    public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
        Long id = caseId(recordType, recordId);
        return id != null && hardship.mayChange(caller, id);
    }

    static Long caseId(String recordType, String recordId) {
        if (!HardshipService.ATTACHMENT_TYPE.equals(recordType) || recordId == null || !recordId.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.valueOf(recordId);
    }
}
