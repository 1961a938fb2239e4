package cn.edu.cumt.union.plugin.honours.internal;

/** One honour of a member's record. */
public record HonourDTO(int year, long callId, String callTitle, String categoryName, HonourKind kind,
        String nomineeName, String unitName, NominationStatus status, String statusLabel) {
}
