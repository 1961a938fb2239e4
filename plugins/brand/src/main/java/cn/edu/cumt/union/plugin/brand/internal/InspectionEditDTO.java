package cn.edu.cumt.union.plugin.brand.internal;

import java.time.LocalDate;

/**
 * The mid-term inspection (中期检查) as the university union records it.
 *
 * @param date     the day of the inspection, not in the future
 * @param findings 检查意见, required
 * @param rating   GOOD, SATISFACTORY or NEEDS_IMPROVEMENT
 */
public record InspectionEditDTO(LocalDate date, String findings, InspectionRating rating) {
}
