package cn.edu.cumt.union.core.internal.attachment;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The bytes of one attachment, loaded only for a download or an export. */
@Entity
@Table(name = "UNION_ATTACHMENT_CONTENT")
public class AttachmentContentEntity {

    @Id
    @Column(name = "ATTACHMENT_ID")
    private Long attachmentId;

    @Lob
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

    protected AttachmentContentEntity() {
    }

    public AttachmentContentEntity(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
