package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** The scoring sheet (考评表) of one year. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_SHEET")
public class CongressSheetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SHEET_YEAR", nullable = false)
    int year;
    @Column(name = "TITLE", nullable = false)
    String title;
    @Column(name = "UPDATED_BY", nullable = false)
    String updatedBy;
    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;
}
