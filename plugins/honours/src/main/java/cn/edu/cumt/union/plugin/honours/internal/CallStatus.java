package cn.edu.cumt.union.plugin.honours.internal;

/** Where an award call stands: 推荐 → 评审投票 → 公示 → 已公布. */
public enum CallStatus {
    NOMINATING("推荐中"), VOTING("评审投票"), NOTICE("公示中"), FINAL("已公布");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
