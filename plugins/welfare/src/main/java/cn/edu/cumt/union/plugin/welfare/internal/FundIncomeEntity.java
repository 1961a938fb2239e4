package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Money paid into a fund (拨入、捐赠); a fund's balance is its income less the help paid from it. */
@Entity
@Table(name = "WELFARE_FUND_INCOME")
public class FundIncomeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "FUND", nullable = false)
    Fund fund;

    @Column(name = "AMOUNT", nullable = false)
    BigDecimal amount;

    @Column(name = "RECEIVED_ON", nullable = false)
    LocalDate receivedOn;

    @Column(name = "NOTE")
    String note;

    @Column(name = "RECORDED_BY", nullable = false)
    String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    Instant recordedAt;

    protected FundIncomeEntity() {
    }

    FundIncomeEntity(Fund fund, BigDecimal amount, LocalDate receivedOn, String note, String recordedBy, Instant recordedAt) {
        this.fund = fund;
        this.amount = amount;
        this.receivedOn = receivedOn;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    FundIncomeDTO toDTO() {
        return new FundIncomeDTO(id, fund, fund.label(), amount, receivedOn, note, recordedBy, recordedAt);
    }
}
