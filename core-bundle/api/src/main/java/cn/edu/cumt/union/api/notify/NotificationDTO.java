package cn.edu.cumt.union.api.notify;

import java.time.Instant;

/**
 * One notice as the recipient sees it.
 *
 * @param source the plugin id that sent it, or {@code core}
 * @param readAt when the recipient marked it read, or {@code null}
 */
public record NotificationDTO(long id, String source, String title, String body, String link, Instant createdAt,
        Instant readAt) {
}
