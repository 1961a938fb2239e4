package cn.edu.cumt.union.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.duty.DutyDTO;

/**
 * The core's duty rule, for unit tests: {@link #grant} a duty and it is held on every day of its period for
 * its unit and the units below it (per the {@link Directory} given); {@link #revoke} ends it.
 */
public final class FakeDuties implements Duties {

    private final Directory directory;
    private final List<DutyDTO> grants = new CopyOnWriteArrayList<>();

    public FakeDuties(Directory directory) {
        this.directory = directory;
    }

    /** Grants {@code code} to the member for the unit (and below) from {@code from} to {@code to} ({@code null}: open). */
    public DutyDTO grant(long memberId, String code, long unitId, LocalDate from, LocalDate to) {
        DutyDTO duty = new DutyDTO(grants.size() + 1, code, code, memberId, unitId, from, to, "test", null, null, null);
        grants.add(duty);
        return duty;
    }

    /** Revokes every grant of the code to the member. */
    public void revoke(long memberId, String code) {
        grants.removeIf(d -> d.memberId() == memberId && d.code().equals(code));
    }

    @Override
    public boolean holds(long memberId, String dutyCode, long unitId, LocalDate date) {
        return held(date).stream().anyMatch(d -> d.memberId() == memberId && covers(d, dutyCode, unitId));
    }

    @Override
    public Set<Long> holders(String dutyCode, long unitId, LocalDate date) {
        Set<Long> members = new LinkedHashSet<>();
        held(date).stream().filter(d -> covers(d, dutyCode, unitId)).forEach(d -> members.add(d.memberId()));
        return members;
    }

    @Override
    public List<DutyDTO> heldBy(long memberId, LocalDate date) {
        return new ArrayList<>(held(date).stream().filter(d -> d.memberId() == memberId).toList());
    }

    private List<DutyDTO> held(LocalDate date) {
        return grants.stream().filter(d -> !d.from().isAfter(date) && (d.to() == null || !d.to().isBefore(date))).toList();
    }

    private boolean covers(DutyDTO duty, String code, long unitId) {
        return duty.code().equals(code) && directory.unitAndDescendants(duty.unitId()).contains(unitId);
    }
}
