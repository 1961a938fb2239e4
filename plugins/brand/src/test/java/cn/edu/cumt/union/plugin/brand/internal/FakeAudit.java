package cn.edu.cumt.union.plugin.brand.internal;

import java.util.ArrayList;
import java.util.List;

import cn.edu.cumt.union.api.audit.AuditLog;

/** Keeps audit lines as {@code outcome action targetId}. */
final class FakeAudit implements AuditLog {

    final List<String> lines = new ArrayList<>();

    @Override
    public void record(String action, String targetType, String targetId, String detail) {
        lines.add("ok " + action + " " + targetId);
    }

    @Override
    public void denied(String action, String targetType, String targetId, String detail) {
        lines.add("denied " + action + " " + targetId);
    }
}
