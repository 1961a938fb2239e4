package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;

/** A member's honour record across the years, latest first. */
public record MyHonoursDTO(long memberId, int total, List<HonourDTO> items) {
}
