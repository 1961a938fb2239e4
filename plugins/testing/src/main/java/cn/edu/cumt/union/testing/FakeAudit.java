package cn.edu.cumt.union.testing;

import java.util.ArrayList;
import java.util.List;

import cn.edu.cumt.union.api.audit.AuditLog;

/** Keeps audit lines as {@code outcome action targetId}. */
public final class FakeAudit implements AuditLog {

    /** Every line recorded, in order. */
    public final List<String> lines = new ArrayList<>();

    @Override
    public void record(String action, String targetType, String targetId, String detail) {
        lines.add("ok " + action + " " + targetId);
    }

    @Override
    public void denied(String action, String targetType, String targetId, String detail) {
        lines.add("denied " + action + " " + targetId);
    }
}
