package cn.edu.cumt.union.plugin.familyday.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** Who may see and attach an activity's files (programme, posters): members see, managers change. */
@Component(service = AttachmentAccess.class)
public class ActivityFiles implements AttachmentAccess {

    private final ActivityService activities;

    @Activate
    public ActivityFiles(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public boolean maySee(UnionPrincipal caller, String recordType, String recordId) {
        Long id = activityId(recordType, recordId);
        return id != null && activities.maySee(caller, id);
    }

    @Override
    public boolean mayChange(UnionPrincipal caller, String recordType, String recordId) {
        return maySee(caller, recordType, recordId) && activities.mayManage(caller);
    }

    private static Long activityId(String recordType, String recordId) {
        if (!ActivityService.ATTACHMENT_TYPE.equals(recordType) || !recordId.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.valueOf(recordId);
    }
}
