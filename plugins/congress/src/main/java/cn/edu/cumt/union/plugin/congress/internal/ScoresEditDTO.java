package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A unit's scores (the criteria not named keep theirs). */
public record ScoresEditDTO(@Nullable List<ScoreEditDTO> scores) {
}
