package cn.edu.cumt.union.core.internal.member;

/** A member category: its code (used in the API and filters) and its Chinese label (used in files and screens). */
public record CategoryDTO(String code, String name) {
}
