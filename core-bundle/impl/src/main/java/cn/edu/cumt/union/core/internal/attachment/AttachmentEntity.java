package cn.edu.cumt.union.core.internal.attachment;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;

/** What is known of one attached file; its bytes are an {@link AttachmentContentEntity}. */
@Entity
@Table(name = "UNION_ATTACHMENT")
public class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "PLUGIN_ID", nullable = false)
    private String pluginId;

    @Column(name = "RECORD_TYPE", nullable = false)
    private String recordType;

    @Column(name = "RECORD_ID", nullable = false)
    private String recordId;

    @Column(name = "FILE_NAME", nullable = false)
    private String fileName;

    @Column(name = "CONTENT_TYPE", nullable = false)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SHA256", nullable = false)
    private String sha256;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;

    protected AttachmentEntity() {
    }

    public AttachmentEntity(AttachmentDTO values) {
        this.pluginId = values.pluginId();
        this.recordType = values.recordType();
        this.recordId = values.recordId();
        this.fileName = values.fileName();
        this.contentType = values.contentType();
        this.size = values.size();
        this.sha256 = values.sha256();
        this.createdAt = values.createdAt();
        this.createdBy = values.createdBy();
    }

    public AttachmentDTO toDTO() {
        return new AttachmentDTO(id, pluginId, recordType, recordId, fileName, contentType, size, sha256, createdAt, createdBy);
    }

    public Long getId() {
        return id;
    }
}
