package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A payment of a project's granted funding (经费拨付). Recorded once, never changed. */
@Entity
@Table(name = "BRAND_DISBURSEMENT")
public class BrandDisbursementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "PROJECT_ID", nullable = false)
    private long projectId;

    @Column(name = "AMOUNT", nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "PAID_ON", nullable = false)
    private LocalDate paidOn;

    @Column(name = "NOTE")
    private String note;

    @Column(name = "RECORDED_BY", nullable = false)
    private String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    protected BrandDisbursementEntity() {
    }

    BrandDisbursementEntity(long projectId, DisbursementEditDTO input, String recordedBy, Instant recordedAt) {
        this.projectId = projectId;
        this.amount = input.amount();
        this.paidOn = input.paidOn();
        this.note = input.note();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    DisbursementDTO toDTO() {
        return new DisbursementDTO(id, amount, paidOn, note, recordedBy, recordedAt);
    }
}
