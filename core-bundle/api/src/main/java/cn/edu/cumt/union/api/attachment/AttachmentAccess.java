package cn.edu.cumt.union.api.attachment;

import org.osgi.annotation.versioning.ConsumerType;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * What a plugin tells the core about its records' files: register one as an OSGi service from the
 * plugin's bundle (the core takes the plugin id from that bundle, never from a property). Without one,
 * nobody may see or attach files to the plugin's records. Called on request threads; must be thread-safe
 * and should not throw (an exception answers as "may not").
 */
@ConsumerType
public interface AttachmentAccess {

    /** May the caller see this record, and so download its files? An unknown record: {@code false}. */
    boolean maySee(UnionPrincipal caller, String recordType, String recordId);

    /** May the caller add files to this record and remove them? An unknown record: {@code false}. */
    boolean mayChange(UnionPrincipal caller, String recordType, String recordId);
}
