package cn.edu.cumt.union.api.notify;

import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends notices to members and accounts. Implemented by the core, one instance per using bundle: a
 * unit's own plugin may reach only members of its unit and the units below it.
 *
 * <p>Called inside a {@code JpaTemplate} transaction, nothing is written or sent until that
 * transaction commits; if it rolls back, nothing is sent. Called outside any transaction, the notice is
 * written at once. Every notice lands in the recipient's in-app inbox ({@code GET /api/me/notifications});
 * each {@link NotificationChannel} then gets it off the caller's thread, with retries, so a channel
 * that is down never loses or delays the in-app copy. Thread-safe.
 */
@ProviderType
public interface Notifications {

    /**
     * @param memberIds the members to tell (duplicates are ignored)
     * @throws cn.edu.cumt.union.api.rest.ApiException 400 {@code notify.recipient-unknown} when an id names no
     *         member this bundle may reach (nothing is sent to anyone then)
     */
    void toMembers(Collection<Long> memberIds, Notice notice);

    /**
     * To one login (an operator, or a member through their account).
     *
     * @throws cn.edu.cumt.union.api.rest.ApiException 400 {@code notify.recipient-unknown} when no such account
     *         exists or, for a unit's plugin, the account is not a member of its units
     */
    void toAccount(long accountId, Notice notice);

    /**
     * To the administrators of a unit: every account granted {@code unit-admin} on it or on a unit above it
     * (a department asked to answer, a unit whose case waits). Nobody, when the unit has no administrator yet.
     *
     * @throws cn.edu.cumt.union.api.rest.ApiException 400 {@code notify.recipient-unknown} when no such unit
     *         exists or, for a unit's plugin, it is outside its units
     */
    void toUnitAdmins(long unitId, Notice notice);
}
