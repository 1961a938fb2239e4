package cn.edu.cumt.union.plugin.welfare.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A unit's places on a trip. */
@Entity
@Table(name = "WELFARE_TRIP_QUOTA")
public class TripQuotaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "TRIP_ID", nullable = false)
    long tripId;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "PLACES", nullable = false)
    int places;

    protected TripQuotaEntity() {
    }

    TripQuotaEntity(long tripId, long unitId, int places) {
        this.tripId = tripId;
        this.unitId = unitId;
        this.places = places;
    }
}
