package cn.edu.cumt.union.core.internal.ballot;

import java.util.List;

/** @param choices the keys of the options chosen; empty: a blank vote */
public record VoteDTO(List<String> choices) {
}
