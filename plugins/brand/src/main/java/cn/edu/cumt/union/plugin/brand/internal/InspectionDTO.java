package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;
import java.time.LocalDate;

/** The mid-term inspection (中期检查) of a project. */
public record InspectionDTO(LocalDate date, String findings, InspectionRating rating, String ratingLabel,
        String inspectedBy, Instant recordedAt) {
}
