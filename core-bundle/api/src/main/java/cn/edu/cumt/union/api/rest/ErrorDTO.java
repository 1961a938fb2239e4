package cn.edu.cumt.union.api.rest;

import java.util.List;

/**
 * The body of every error response.
 *
 * @param status    the HTTP status
 * @param code      a stable machine-readable code, e.g. {@code auth.invalid-credentials}
 * @param message   the message in Chinese (for users)
 * @param messageEn the message in English
 * @param details   optional per-field or per-row details; empty when there are none
 */
public record ErrorDTO(int status, String code, String message, String messageEn, List<String> details) {
}
