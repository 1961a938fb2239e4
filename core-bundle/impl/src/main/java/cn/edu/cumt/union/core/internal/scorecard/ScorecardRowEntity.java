package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

/** A published unit's score and rank, with its figures: the snapshot a published year is served from. */
@Entity
@Table(name = "UNION_SCORECARD_ROW")
public class ScorecardRowEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "YEAR_NO", nullable = false)
    private int year;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "UNIT_CODE", nullable = false)
    private String unitCode;

    @Column(name = "UNIT_NAME", nullable = false)
    private String unitName;

    @Column(name = "SCORE", nullable = false, precision = 11, scale = 2)
    private BigDecimal score;

    @Column(name = "RANK_NO", nullable = false)
    private int rank;

    @ElementCollection
    @CollectionTable(name = "UNION_SCORECARD_CELL", joinColumns = @JoinColumn(name = "ROW_ID"))
    @OrderColumn(name = "POSITION")
    private List<ScorecardCell> cells = new ArrayList<>();

    protected ScorecardRowEntity() {
    }

    ScorecardRowEntity(int year, int position, ScorecardRowDTO row) {
        this.year = year;
        this.position = position;
        this.unitId = row.unitId();
        this.unitCode = row.unitCode();
        this.unitName = row.unitName();
        this.score = row.score();
        this.rank = row.rank();
        row.cells().forEach(cell -> cells.add(new ScorecardCell(cell)));
    }

    ScorecardRowDTO toDTO() {
        return new ScorecardRowDTO(unitId, unitCode, unitName, score, rank, cells.stream().map(ScorecardCell::toDTO).toList());
    }
}
