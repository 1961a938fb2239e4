package cn.edu.cumt.union.core.internal.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.core.internal.member.ImportReportDTO.ImportErrorDTO;
import cn.edu.cumt.union.core.internal.member.MemberRules.Problem;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.org.UnitTree;

/**
 * Checks a member table row by row and, when every row is good, writes it. One query loads the
 * units, one the existing staff numbers; updates are loaded in chunks and writes flushed in batches.
 * Columns absent from the header keep their stored values; a blank cell in a present column clears it.
 */
final class MemberImporter {

    private static final int CHUNK = 500;

    private final EntityManager em;
    private final UnitScope scope;
    private final UnitTree tree;
    /** Staff number to {id, unitId} of every existing member. */
    private final Map<String, long[]> existing = new HashMap<>();

    private Map<MemberColumn, Integer> columns;
    private final List<ImportErrorDTO> errors = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private int dataRows;

    /** One good row, parsed. */
    private record Row(int line, String staffNo, Map<MemberColumn, Object> values, UnitDTO unit, UnitDTO group) {
    }

    MemberImporter(EntityManager em, UnitScope scope) {
        this.em = em;
        this.scope = scope;
        this.tree = UnitTree.load(em);
        for (Object[] member : em.createQuery("select m.staffNo, m.id, m.unitId from MemberEntity m", Object[].class)
                .getResultList()) {
            existing.put((String) member[0], new long[] { (Long) member[1], (Long) member[2] });
        }
    }

    ImportReportDTO analyse(List<List<String>> table) {
        if (table.isEmpty()) {
            errors.add(new ImportErrorDTO(1, null, "文件为空", "The file is empty"));
            return report(false);
        }
        if (!readHeader(table.get(0))) {
            return report(false);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                continue;
            }
            dataRows++;
            analyseRow(i + 1, cells, seen);
        }
        return report(false);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    private boolean readHeader(List<String> header) {
        columns = new EnumMap<>(MemberColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            MemberColumn column = MemberColumn.fromHeader(text);
            if (column == null) {
                errors.add(new ImportErrorDTO(1, text, "无法识别的列", "Unknown column"));
            } else if (columns.put(column, i) != null) {
                errors.add(new ImportErrorDTO(1, column.header(), "列重复", "Column appears twice"));
            }
        }
        for (MemberColumn required : List.of(MemberColumn.STAFF_NO, MemberColumn.NAME, MemberColumn.UNIT_CODE)) {
            if (!columns.containsKey(required)) {
                errors.add(new ImportErrorDTO(1, required.header(), "缺少必需的列", "Required column missing"));
            }
        }
        return errors.isEmpty();
    }

    private void analyseRow(int line, List<String> cells, Set<String> seen) {
        int before = errors.size();
        Map<MemberColumn, Object> values = new EnumMap<>(MemberColumn.class);

        String staffNo = cell(cells, MemberColumn.STAFF_NO);
        check(line, MemberColumn.STAFF_NO, MemberRules.staffNo(staffNo));
        if (staffNo != null && !seen.add(staffNo)) {
            error(line, MemberColumn.STAFF_NO, "工号在文件中重复：" + staffNo, "Staff number repeated in the file: " + staffNo);
        }
        String name = cell(cells, MemberColumn.NAME);
        check(line, MemberColumn.NAME, MemberRules.name(name));
        values.put(MemberColumn.NAME, name);

        if (columns.containsKey(MemberColumn.GENDER)) {
            String text = cell(cells, MemberColumn.GENDER);
            String gender = text == null ? null : MemberVocabulary.gender(text);
            if (text != null && gender == null) {
                error(line, MemberColumn.GENDER, "应为 男/女 或 M/F", "must be M or F (男/女)");
            }
            values.put(MemberColumn.GENDER, gender);
        }
        date(line, cells, MemberColumn.BIRTH_DATE, values);
        date(line, cells, MemberColumn.JOIN_DATE, values);
        if (columns.containsKey(MemberColumn.PHONE)) {
            String phone = cell(cells, MemberColumn.PHONE);
            check(line, MemberColumn.PHONE, MemberRules.phone(phone));
            values.put(MemberColumn.PHONE, phone);
        }
        if (columns.containsKey(MemberColumn.EMAIL)) {
            String email = cell(cells, MemberColumn.EMAIL);
            check(line, MemberColumn.EMAIL, MemberRules.email(email));
            values.put(MemberColumn.EMAIL, email);
        }
        if (columns.containsKey(MemberColumn.STATUS)) {
            String text = cell(cells, MemberColumn.STATUS);
            MemberStatus status = text == null ? MemberStatus.ACTIVE : MemberVocabulary.status(text);
            if (status == null) {
                error(line, MemberColumn.STATUS, "未知状态：" + text + "（应为 在职会员/退休/调出/退会）",
                        "Unknown status: " + text + " (ACTIVE, RETIRED, TRANSFERRED_OUT, WITHDRAWN)");
            }
            values.put(MemberColumn.STATUS, status);
        }
        if (columns.containsKey(MemberColumn.CATEGORIES)) {
            values.put(MemberColumn.CATEGORIES, categories(line, cell(cells, MemberColumn.CATEGORIES)));
        }

        UnitDTO unit = unit(line, cell(cells, MemberColumn.UNIT_CODE));
        UnitDTO group = null;
        if (columns.containsKey(MemberColumn.GROUP_CODE)) {
            group = group(line, cell(cells, MemberColumn.GROUP_CODE), unit);
        }
        long[] current = staffNo == null ? null : existing.get(staffNo);
        if (current != null && !scope.covers(current[1])) {
            // The member exists in a unit the caller does not manage: never reveal or overwrite it.
            error(line, MemberColumn.STAFF_NO, "工号已被其他单位的会员使用", "Staff number belongs to a member of another unit");
        }
        if (errors.size() == before) {
            rows.add(new Row(line, staffNo, values, unit, group));
        }
    }

    private UnitDTO unit(int line, String code) {
        if (code == null) {
            error(line, MemberColumn.UNIT_CODE, "不能为空", "must not be empty");
            return null;
        }
        UnitDTO unit = tree.findByCode(code).filter(u -> scope.covers(u.id())).orElse(null);
        if (unit == null) {
            error(line, MemberColumn.UNIT_CODE, "单位不存在或无权管理：" + code, "Unknown unit, or not yours to manage: " + code);
        } else if (unit.kind() != UnitKind.UNIT) {
            error(line, MemberColumn.UNIT_CODE, "应为二级单位工会的代码：" + code, "Not the code of a unit union: " + code);
            return null;
        } else if (unit.retired()) {
            error(line, MemberColumn.UNIT_CODE, "单位已撤销：" + code, "The unit is retired: " + code);
            return null;
        }
        return unit;
    }

    private UnitDTO group(int line, String code, UnitDTO unit) {
        if (code == null) {
            return null;
        }
        UnitDTO group = tree.findByCode(code).orElse(null);
        if (group == null || group.kind() != UnitKind.GROUP) {
            error(line, MemberColumn.GROUP_CODE, "工会小组不存在：" + code, "Unknown union group: " + code);
            return null;
        }
        if (group.retired()) {
            error(line, MemberColumn.GROUP_CODE, "工会小组已撤销：" + code, "The union group is retired: " + code);
            return null;
        }
        if (unit != null && (group.parentId() == null || group.parentId() != unit.id())) {
            error(line, MemberColumn.GROUP_CODE, "工会小组不属于该单位：" + code, "The union group is not in that unit: " + code);
            return null;
        }
        return group;
    }

    private Set<String> categories(int line, String text) {
        Set<String> result = new TreeSet<>();
        if (text == null) {
            return result;
        }
        for (String part : text.split("[;；、,，]")) {
            if (part.isBlank()) {
                continue;
            }
            String code = MemberVocabulary.category(part);
            if (code == null) {
                error(line, MemberColumn.CATEGORIES, "未知类别：" + part.trim(), "Unknown category: " + part.trim());
            } else {
                result.add(code);
            }
        }
        return result;
    }

    private void date(int line, List<String> cells, MemberColumn column, Map<MemberColumn, Object> values) {
        if (!columns.containsKey(column)) {
            return;
        }
        String text = cell(cells, column);
        LocalDate date = null;
        if (text != null) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(line, column, "日期格式应为 yyyy-MM-dd：" + text, "Date must be yyyy-MM-dd: " + text);
            }
        }
        values.put(column, date);
    }

    private String cell(List<String> cells, MemberColumn column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return null;
        }
        String value = cells.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private void check(int line, MemberColumn column, Problem problem) {
        if (problem != null) {
            error(line, column, problem.zh(), problem.en());
        }
    }

    private void error(int line, MemberColumn column, String zh, String en) {
        errors.add(new ImportErrorDTO(line, column.header(), zh, en));
    }

    ImportReportDTO report(boolean applied) {
        int toCreate = 0;
        int toUpdate = 0;
        for (Row row : rows) {
            if (existing.containsKey(row.staffNo())) {
                toUpdate++;
            } else {
                toCreate++;
            }
        }
        return new ImportReportDTO(dataRows, rows.size(), List.copyOf(errors), toCreate, toUpdate, applied);
    }

    /** Writes every analysed row; call only when {@link #hasErrors()} is false, inside one transaction. */
    void apply(String actor) {
        Instant now = Instant.now();
        Map<String, Row> updates = new HashMap<>();
        int pending = 0;
        for (Row row : rows) {
            if (existing.containsKey(row.staffNo())) {
                updates.put(row.staffNo(), row);
                continue;
            }
            MemberEntity member = new MemberEntity(row.staffNo(), (String) row.values().get(MemberColumn.NAME),
                    row.unit().id(), now);
            fill(member, row);
            em.persist(member);
            pending = flushIfFull(++pending);
        }
        List<String> staffNos = new ArrayList<>(updates.keySet());
        for (int from = 0; from < staffNos.size(); from += CHUNK) {
            List<String> chunk = staffNos.subList(from, Math.min(staffNos.size(), from + CHUNK));
            List<MemberEntity> members = em.createQuery("select m from MemberEntity m where m.staffNo in :nos",
                    MemberEntity.class).setParameter("nos", chunk)
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "m.categories")
                    .getResultList();
            for (MemberEntity member : members) {
                Row row = updates.get(member.getStaffNo());
                if (member.getUnitId() != row.unit().id()) {
                    em.persist(new MemberTransferEntity(member.getId(), member.getUnitId(), row.unit().id(), now, actor,
                            "导入 import, line " + row.line()));
                    member.setUnitId(row.unit().id());
                    if (!columns.containsKey(MemberColumn.GROUP_CODE)) {
                        member.setGroupId(null);
                    }
                }
                member.setName((String) row.values().get(MemberColumn.NAME));
                fill(member, row);
                member.touch(now);
            }
            em.flush();
            em.clear();
        }
        em.flush();
    }

    private int flushIfFull(int pending) {
        if (pending < CHUNK) {
            return pending;
        }
        em.flush();
        em.clear();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void fill(MemberEntity member, Row row) {
        Map<MemberColumn, Object> values = row.values();
        if (values.containsKey(MemberColumn.GENDER)) {
            member.setGender((String) values.get(MemberColumn.GENDER));
        }
        if (values.containsKey(MemberColumn.BIRTH_DATE)) {
            member.setBirthDate((LocalDate) values.get(MemberColumn.BIRTH_DATE));
        }
        if (values.containsKey(MemberColumn.JOIN_DATE)) {
            member.setJoinDate((LocalDate) values.get(MemberColumn.JOIN_DATE));
        }
        if (values.containsKey(MemberColumn.PHONE)) {
            member.setPhone((String) values.get(MemberColumn.PHONE));
        }
        if (values.containsKey(MemberColumn.EMAIL)) {
            member.setEmail((String) values.get(MemberColumn.EMAIL));
        }
        if (values.containsKey(MemberColumn.STATUS)) {
            member.setStatus((MemberStatus) values.get(MemberColumn.STATUS));
        }
        if (values.containsKey(MemberColumn.CATEGORIES)) {
            member.setCategories((Set<String>) values.get(MemberColumn.CATEGORIES));
        }
        if (columns.containsKey(MemberColumn.GROUP_CODE)) {
            member.setGroupId(row.group() == null ? null : row.group().id());
        }
    }
}
