package cn.edu.cumt.union.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Notifications;
import cn.edu.cumt.union.api.rest.ApiException;

/**
 * Notifications in memory, with the platform's rules: written only when the {@link PluginDatabase}
 * transaction commits (nothing on rollback), a unit plugin reaches only members of its unit and the
 * units below (the same 400 {@code notify.recipient-unknown} otherwise), a confidential notice keeps no content.
 * {@link #inbox(long)} is what a member would see; {@link #toAccounts} what was sent to accounts.
 */
public final class FakeNotifications implements Notifications {

    /** One notice as delivered: title and body already reduced for a confidential one. */
    public record Sent(long recipient, String title, String body, String link) {
    }

    private final Directory directory;
    private final PluginDatabase database;
    private final String ownerUnit;
    private final Map<Long, List<Sent>> inboxes = new ConcurrentHashMap<>();
    public final List<Sent> toAccounts = new CopyOnWriteArrayList<>();

    /**
     * @param database  whose transactions notices wait for, or {@code null} to write at once
     * @param ownerUnit the unit code of a unit plugin ({@code Union-Plugin-Unit}), or {@code null}
     */
    public FakeNotifications(Directory directory, PluginDatabase database, String ownerUnit) {
        this.directory = directory;
        this.database = database;
        this.ownerUnit = ownerUnit;
    }

    @Override
    public void toMembers(Collection<Long> memberIds, Notice notice) {
        Set<Long> ids = new LinkedHashSet<>(memberIds);
        Set<Long> reach = ownerUnit == null ? null
                : directory.findUnitByCode(ownerUnit).map(u -> directory.unitAndDescendants(u.id())).orElse(Set.of());
        for (Long id : ids) {
            Optional<MemberDTO> member = id == null ? Optional.empty() : directory.findMember(id);
            if (member.isEmpty() || (reach != null && !reach.contains(member.get().unitId()))) {
                throw unknown();
            }
        }
        later(() -> ids.forEach(id -> inboxes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(sent(id, notice))));
    }

    @Override
    public void toAccount(long accountId, Notice notice) {
        if (ownerUnit != null) {
            throw unknown(); // the fake knows no accounts of members
        }
        later(() -> toAccounts.add(sent(accountId, notice)));
    }

    /** Sent to a unit's administrators (the fake knows no accounts): by unit id, oldest first. */
    public final Map<Long, List<Sent>> toUnitAdmins = new ConcurrentHashMap<>();

    @Override
    public void toUnitAdmins(long unitId, Notice notice) {
        Set<Long> reach = ownerUnit == null ? null
                : directory.findUnitByCode(ownerUnit).map(u -> directory.unitAndDescendants(u.id())).orElse(Set.of());
        if (directory.findUnit(unitId).isEmpty() || (reach != null && !reach.contains(unitId))) {
            throw unknown();
        }
        later(() -> toUnitAdmins.computeIfAbsent(unitId, k -> new CopyOnWriteArrayList<>()).add(sent(unitId, notice)));
    }

    /** What this member has been sent, oldest first. */
    public List<Sent> inbox(long memberId) {
        return new ArrayList<>(inboxes.getOrDefault(memberId, List.of()));
    }

    private void later(Runnable write) {
        if (database == null) {
            write.run();
        } else {
            database.afterCommit(write);
        }
    }

    private static Sent sent(long recipient, Notice notice) {
        return new Sent(recipient, notice.shownTitle(), notice.shownBody(), notice.link());
    }

    private static ApiException unknown() {
        return ApiException.badRequest("notify.recipient-unknown", "通知的接收人不存在或不在本插件的范围内",
                "A recipient of the notice does not exist or is out of this plugin's reach");
    }
}
