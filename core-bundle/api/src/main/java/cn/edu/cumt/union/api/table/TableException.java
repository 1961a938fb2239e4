package cn.edu.cumt.union.api.table;

import java.io.IOException;

/**
 * A table that cannot be read, or that is larger than the platform accepts, told in the words of
 * the person who sent it (Chinese and English), never in a parser's. {@link #problem()} says which:
 * an unreadable file is the sender's mistake to fix (HTTP 400), a table over a limit names the
 * limit (HTTP 413).
 */
public class TableException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the table. */
    public enum Problem {
        /** Not a CSV (UTF-8) or .xlsx file as the format says, or malformed. */
        UNREADABLE,
        /** More rows, columns, cells, characters in a cell or uncompressed bytes than allowed. */
        TOO_LARGE
    }

    private final Problem problem;
    private final String limit;
    private final String messageZh;

    /**
     * @param limit which limit was passed ({@code rows}, {@code columns}, {@code cells}, {@code cell-length},
     *        {@code uncompressed-bytes}), {@code null} for an unreadable file
     */
    public TableException(Problem problem, String limit, String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.problem = problem;
        this.limit = limit;
        this.messageZh = messageZh;
    }

    public static TableException unreadable(String messageZh, String messageEn, Throwable cause) {
        return new TableException(Problem.UNREADABLE, null, messageZh, messageEn, cause);
    }

    public static TableException tooLarge(String limit, long allowed, String whatZh, String whatEn) {
        return new TableException(Problem.TOO_LARGE, limit, "表格过大：" + whatZh + "超过上限 " + allowed,
                "The table is too large: more " + whatEn + " than the limit of " + allowed, null);
    }

    public Problem problem() {
        return problem;
    }

    /** The limit that was passed, or {@code null} when the file is unreadable. */
    public String limit() {
        return limit;
    }

    /** The message in Chinese; {@link #getMessage()} is the English one. */
    public String messageZh() {
        return messageZh;
    }
}
