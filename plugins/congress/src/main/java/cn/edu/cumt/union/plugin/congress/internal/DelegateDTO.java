package cn.edu.cumt.union.plugin.congress.internal;

/** A delegate and their delegation (代表团). */
public record DelegateDTO(long memberId, String name, long unitId, String unitName) {
}
