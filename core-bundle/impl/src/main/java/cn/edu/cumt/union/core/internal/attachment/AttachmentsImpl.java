package cn.edu.cumt.union.core.internal.attachment;

import java.util.List;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.attachment.Attachments;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.core.internal.notify.AfterCommit;

/** Attachments for one using bundle: only its own plugin id's files; removal waits for the caller's commit. */
@Component(service = Attachments.class, scope = ServiceScope.BUNDLE)
public class AttachmentsImpl implements Attachments {

    private final AttachmentStore store;
    private final AfterCommit afterCommit;
    /** {@code null} for a bundle that is no plugin: it sees no files. */
    private final String pluginId;

    @Activate
    public AttachmentsImpl(@Reference AttachmentStore store, @Reference AfterCommit afterCommit, ComponentContext context) {
        this(store, afterCommit, context.getUsingBundle() == null ? null
                : context.getUsingBundle().getHeaders("").get(PluginHeaders.ID));
    }

    AttachmentsImpl(AttachmentStore store, AfterCommit afterCommit, String pluginId) {
        this.store = store;
        this.afterCommit = afterCommit;
        this.pluginId = pluginId == null || pluginId.isBlank() ? null : pluginId.trim();
    }

    @Override
    public List<AttachmentDTO> list(String recordType, String recordId) {
        return pluginId == null ? List.of() : store.list(pluginId, recordType, recordId);
    }

    @Override
    public void removeAll(String recordType, String recordId) {
        if (pluginId != null) {
            afterCommit.run(() -> store.removeAll(pluginId, recordType, recordId));
        }
    }
}
