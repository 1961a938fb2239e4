package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** 资格审查: approve, reject (with a reason) or return (with comments). */
public record ReviewDTO(Decision decision, @Nullable String comment) {
}
