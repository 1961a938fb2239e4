package cn.edu.cumt.union.plugin.honours.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * Who may see and change a nomination's attachments (事迹材料, at {@code /api/attachments/honours/nomination/<id>}):
 * those who manage its unit see them; they change them while it is a draft or returned.
 */
@Component(service = AttachmentAccess.class)
public class HonoursFiles implements AttachmentAccess {

    private final HonoursService honours;

    @Activate
    public HonoursFiles(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @Override
    public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
        Long id = nominationId(recordType, recordId);
        return id != null && honours.maySeeNomination(caller, id);
    }

    @Override
    public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
        Long id = nominationId(recordType, recordId);
        return id != null && honours.mayChangeNomination(caller, id);
    }

    private static Long nominationId(String recordType, String recordId) {
        if (!HonoursService.ATTACHMENT_TYPE.equals(recordType) || recordId == null
                || !recordId.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.valueOf(recordId);
    }
}
