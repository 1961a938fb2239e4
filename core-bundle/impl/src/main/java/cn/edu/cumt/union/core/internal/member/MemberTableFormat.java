package cn.edu.cumt.union.core.internal.member;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;

/** Turns members into rows of the member file, in the columns the import reads back. */
final class MemberTableFormat {

    private MemberTableFormat() {
    }

    static List<String> header() {
        return Arrays.stream(MemberColumn.values()).map(MemberColumn::header).toList();
    }

    static List<List<String>> rows(List<MemberDTO> members, Map<Long, UnitDTO> units) {
        List<List<String>> rows = new ArrayList<>(members.size());
        for (MemberDTO m : members) {
            UnitDTO unit = units.get(m.unitId());
            UnitDTO group = m.groupId() == null ? null : units.get(m.groupId());
            rows.add(Arrays.asList(m.staffNo(), m.name(), m.gender(), text(m.birthDate()), m.phone(), m.email(),
                    unit == null ? null : unit.code(), group == null ? null : group.code(),
                    MemberVocabulary.statusLabel(m.status()), text(m.joinDate()),
                    m.categories().stream().sorted().map(MemberVocabulary::categoryLabel)
                            .collect(Collectors.joining("、"))));
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
