package cn.edu.cumt.union.plugin.honours.internal;

/** Who is honoured: one member (先进个人) or a unit or group (先进集体). */
public enum HonourKind {
    INDIVIDUAL("个人"), GROUP("集体");

    private final String label;

    HonourKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
