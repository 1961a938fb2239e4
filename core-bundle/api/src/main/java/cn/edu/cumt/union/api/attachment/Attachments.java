package cn.edu.cumt.union.api.attachment;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's view of its own records' files; implemented by the core, one instance per using bundle,
 * which sees only the files of its own plugin id. Uploads and downloads go through the core's REST API,
 * guarded by the plugin's {@link AttachmentAccess}. Thread-safe.
 */
@ProviderType
public interface Attachments {

    /** The files of one record, oldest first. */
    List<AttachmentDTO> list(String recordType, String recordId);

    /**
     * Removes every file of the record, as the record itself is removed. Called inside the plugin's
     * {@code JpaTemplate} transaction, the files go once it commits, and stay if it rolls back.
     */
    void removeAll(String recordType, String recordId);
}
