package cn.edu.cumt.union.core.internal.notify;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Notifications;
import cn.edu.cumt.union.api.notify.Recipient;
import cn.edu.cumt.union.api.plugin.PluginHeaders;

/**
 * Notifications, one instance per using bundle: the notice's source is the bundle's plugin id, and a
 * unit's own plugin reaches only its unit's members. Recipients are checked at once (a wrong id fails
 * the caller's call); writing and sending wait for the caller's commit ({@link AfterCommit}).
 */
@Component(service = Notifications.class, scope = ServiceScope.BUNDLE)
public class NotificationsImpl implements Notifications {

    private final NotificationStore store;
    private final AfterCommit afterCommit;
    private final String source;
    private final String ownerUnit;

    @Activate
    public NotificationsImpl(@Reference NotificationStore store, @Reference AfterCommit afterCommit,
            ComponentContext context) {
        this(store, afterCommit, header(context.getUsingBundle(), PluginHeaders.ID, "core"),
                header(context.getUsingBundle(), PluginHeaders.OWNER_UNIT, null));
    }

    NotificationsImpl(NotificationStore store, AfterCommit afterCommit, String source, String ownerUnit) {
        this.store = store;
        this.afterCommit = afterCommit;
        this.source = source;
        this.ownerUnit = ownerUnit;
    }

    private static String header(Bundle bundle, String name, String absent) {
        String value = bundle == null ? null : bundle.getHeaders("").get(name);
        return value == null || value.isBlank() ? absent : value.trim();
    }

    @Override
    public void toMembers(Collection<Long> memberIds, Notice notice) {
        Objects.requireNonNull(notice, "notice");
        List<Recipient> recipients = store.members(memberIds, ownerUnit);
        afterCommit.run(() -> store.write(source, notice, recipients));
    }

    @Override
    public void toAccount(long accountId, Notice notice) {
        Objects.requireNonNull(notice, "notice");
        Recipient recipient = store.account(accountId, ownerUnit);
        afterCommit.run(() -> store.write(source, notice, List.of(recipient)));
    }

    @Override
    public void toUnitAdmins(long unitId, Notice notice) {
        Objects.requireNonNull(notice, "notice");
        List<Recipient> recipients = store.unitAdmins(unitId, ownerUnit);
        afterCommit.run(() -> store.write(source, notice, recipients));
    }
}
