package cn.edu.cumt.union.core.internal.storage;

/**
 * "Starts with what the user typed" in JPQL: the pattern for {@code like :p escape '\'}, with the user's
 * {@code %}, {@code _} and {@code \} taken as characters, so that {@code q=%} matches no one instead of everyone.
 */
public final class LikePrefix {

    /** Append after the parameter: {@code "m.name like :q" + LikePrefix.ESCAPE}. */
    public static final String ESCAPE = " escape '\\'";

    private LikePrefix() {
    }

    public static String of(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
