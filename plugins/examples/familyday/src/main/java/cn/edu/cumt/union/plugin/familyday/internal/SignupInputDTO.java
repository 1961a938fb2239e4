package cn.edu.cumt.union.plugin.familyday.internal;

/** What a member sends to sign up: family members coming along (the member is not counted). */
public record SignupInputDTO(Integer adults, Integer children) {
}
