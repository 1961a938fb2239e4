package cn.edu.cumt.union.api.rest;

/** Checks and bounds the {@code offset} and {@code limit} query parameters of list endpoints. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    /** @return a non-negative offset; a negative one is a client error */
    public static int offset(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw ApiException.invalidField("offset", "不能为负数", "must not be negative");
        }
        return offset;
    }

    /** @return a limit between 1 and {@link #MAX_LIMIT}; absent means {@link #DEFAULT_LIMIT} */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "应在 1 到 " + MAX_LIMIT + " 之间",
                    "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
