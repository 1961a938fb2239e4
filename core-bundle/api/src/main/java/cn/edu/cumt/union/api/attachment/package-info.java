/**
 * Files attached to any plugin record (a plugin id, a record type and a record id). The core keeps
 * them (in its database, so backups hold them), checks their type from their content and serves them
 * at {@code /api/attachments/…} to those the owning plugin's {@link cn.edu.cumt.union.api.attachment.AttachmentAccess}
 * lets see the record.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.attachment;
