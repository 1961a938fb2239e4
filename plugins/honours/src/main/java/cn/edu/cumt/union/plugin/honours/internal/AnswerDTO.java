package cn.edu.cumt.union.plugin.honours.internal;

/** The union's answer to an objection; {@code upheld} strikes the name from the list. */
public record AnswerDTO(String answer, Boolean upheld) {
}
