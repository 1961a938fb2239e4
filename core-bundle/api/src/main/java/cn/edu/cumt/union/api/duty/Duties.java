package cn.edu.cumt.union.api.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks who holds a duty. A duty is held on a day when that day lies in its period and it is not
 * revoked; a duty granted for a unit covers that unit and every unit below it, so one granted for the
 * university (the root) covers every unit. Implemented by the core; thread-safe; grants are made
 * through {@code /api/duties} by union administrators.
 */
@ProviderType
public interface Duties {

    /** @return whether the member holds the duty for the unit on the day */
    boolean holds(long memberId, String dutyCode, long unitId, LocalDate date);

    /** @return the ids of the members who hold the duty for the unit on the day; empty when none */
    Set<Long> holders(String dutyCode, long unitId, LocalDate date);

    /** @return the member's duties held on the day, of any code and scope */
    List<DutyDTO> heldBy(long memberId, LocalDate date);
}
