package cn.edu.cumt.union.api.attachment;

import java.time.Instant;

/**
 * One stored file.
 *
 * @param fileName    the name it was uploaded with, without any folder; only ever shown, never a path
 * @param contentType the type found in its content ({@code application/pdf}, {@code image/png} …)
 * @param sha256      hex digest of the content
 */
public record AttachmentDTO(long id, String pluginId, String recordType, String recordId, String fileName,
        String contentType, long size, String sha256, Instant createdAt, String createdBy) {
}
