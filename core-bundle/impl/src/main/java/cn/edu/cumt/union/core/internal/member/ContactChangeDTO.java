package cn.edu.cumt.union.core.internal.member;

/** A member's own new phone and e-mail: both given, {@code ""} for none. */
public record ContactChangeDTO(String phone, String email) {
}
