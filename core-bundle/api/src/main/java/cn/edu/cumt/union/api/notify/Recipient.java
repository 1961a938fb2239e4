package cn.edu.cumt.union.api.notify;

/**
 * Who a channel delivers to.
 *
 * @param memberId the member, or {@code null} for an operator account
 * @param accountId the login, or {@code null} for a member who has none yet
 * @param name the member's name or the account's username
 * @param email the member's email address, or {@code null}
 */
public record Recipient(Long memberId, Long accountId, String name, String email) {
}
