package cn.edu.cumt.union.plugin.brand.internal;

/**
 * 转办: hand the review of an application to one union administrator.
 *
 * @param assignee their username; absent to hand it back to every union administrator
 * @param comment  why, optional
 */
public record ReassignDTO(String assignee, String comment) {
}
