package cn.edu.cumt.union.plugin.honours.internal;

/** A unit's number of nominations in a call. */
public record QuotaDTO(Long unitId, Integer quota) {
}
