package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A congress session (e.g. 第九届教代会暨第十五届工代会第五次会议). Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_SESSION")
public class CongressSessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "TITLE", nullable = false)
    String title;
    @Column(name = "SESSION_YEAR", nullable = false)
    int year;
    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;
    @Column(name = "ENDS_ON", nullable = false)
    LocalDate endsOn;
    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;
}
