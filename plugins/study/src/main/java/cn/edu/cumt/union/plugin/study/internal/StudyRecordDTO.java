package cn.edu.cumt.union.plugin.study.internal;

import java.util.List;

/**
 * A member's study record (学习记录): sessions attended, and sessions missed (ended without an
 * attendance), newest first.
 */
public record StudyRecordDTO(int attended, int missed, List<MySessionDTO> sessions) {
}
