package cn.edu.cumt.union.api.notify;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * One message to send.
 *
 * @param title        required, at most 200 characters
 * @param body         optional, at most 2000 characters
 * @param link         optional path inside the platform ({@code /study/sessions/12}), at most 500 characters;
 *                     never an absolute or protocol-relative URL, so a message cannot lead out of the platform
 * @param confidential true for a private work point: the title and body are never stored or sent, every
 *                     channel carries only {@link #CONFIDENTIAL_TITLE} / {@link #CONFIDENTIAL_BODY} and the link
 */
public record Notice(String title, String body, String link, boolean confidential) {

    public static final String CONFIDENTIAL_TITLE = "有事项等待您处理";
    public static final String CONFIDENTIAL_BODY = "Something waits for you";

    /** @throws ApiException 400 {@code request.field-invalid} naming the field that is wrong */
    public Notice {
        title = title == null ? null : title.strip();
        if (title == null || title.isEmpty() || title.length() > 200) {
            throw ApiException.invalidField("title", "不能为空且不超过 200 字", "must have 1-200 characters");
        }
        if (body != null && body.length() > 2000) {
            throw ApiException.invalidField("body", "不超过 2000 字", "must have at most 2000 characters");
        }
        if (link != null && !isPlatformPath(link)) {
            throw ApiException.invalidField("link", "应为以 / 开头的平台内路径", "must be a path inside the platform, starting with /");
        }
    }

    public static Notice of(String title, String body, String link) {
        return new Notice(title, body, link, false);
    }

    /** A notice of a private work point: only "something waits for you" and the link reach the member. */
    public static Notice confidential(String link) {
        return new Notice(CONFIDENTIAL_TITLE, null, link, true);
    }

    /** The title as stored and sent. */
    public String shownTitle() {
        return confidential ? CONFIDENTIAL_TITLE : title;
    }

    /** The body as stored and sent. */
    public String shownBody() {
        return confidential ? CONFIDENTIAL_BODY : body;
    }

    private static boolean isPlatformPath(String link) {
        return link.length() <= 500 && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
                && link.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }
}
