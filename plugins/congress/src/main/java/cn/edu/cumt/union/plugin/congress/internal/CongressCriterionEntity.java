package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One criterion of a scoring sheet: its weight in the total and its maximum score. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_CRITERION")
public class CongressCriterionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SHEET_ID", nullable = false)
    long sheetId;
    @Column(name = "POSITION", nullable = false)
    int position;
    @Column(name = "NAME", nullable = false)
    String name;
    @Column(name = "WEIGHT", nullable = false)
    BigDecimal weight;
    @Column(name = "MAX_SCORE", nullable = false)
    BigDecimal maxScore;
}
