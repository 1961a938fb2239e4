package cn.edu.cumt.union.core.internal.plugin;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.api.plugin.PluginHeaders;

/**
 * Knows every installed bundle that declares itself a plugin ({@code Union-Plugin-Id}), its state,
 * and the last error it raised: a framework error while starting, or a component that failed to
 * activate.
 */
@Component(service = PluginRegistry.class)
public class PluginRegistry implements BundleTrackerCustomizer<String>, FrameworkListener {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final BundleTracker<String> tracker;
    private final Map<Long, String> frameworkErrors = new ConcurrentHashMap<>();
    /** Counts the changes of plugin bundles and their errors; a snapshot of an older count is never served. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    /** How long a listing may be reused: a component's failure shows up within this time. */
    static final Duration FRESHNESS = Duration.ofSeconds(1);

    @Activate
    public PluginRegistry(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
        context.addFrameworkListener(this);
        this.tracker = new BundleTracker<>(context, ~Bundle.UNINSTALLED, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        context.removeFrameworkListener(this);
    }

    /**
     * @return the installed plugins, ordered by id: an immutable snapshot, rebuilt when a plugin's
     *         bundle or error changes. Asking SCR about every component is costly, so an unchanged
     *         snapshot is also reused for {@link #FRESHNESS} (component failures have no event), and
     *         then refreshed by one caller while the others still read the previous one.
     */
    public List<PluginDTO> plugins() {
        Snapshot current = snapshot;
        if (current != null && current.version == changes.get()) {
            if (System.nanoTime() - current.takenAt <= FRESHNESS.toNanos() || !refreshing.compareAndSet(false, true)) {
                return current.plugins;
            }
            try {
                return take().plugins;
            } finally {
                refreshing.set(false);
            }
        }
        return take().plugins;
    }

    /** @return the version of the plugin listing: it changes whenever a plugin bundle comes, goes or changes state */
    public long version() {
        return changes.get();
    }

    private Snapshot take() {
        long version = changes.get(); // read first: a change during the scan makes the next call scan again
        List<PluginDTO> plugins = tracker.getTracked().keySet().stream().map(this::describe)
                .sorted(Comparator.comparing(PluginDTO::id).thenComparing(PluginDTO::bundleId)).toList();
        Snapshot taken = new Snapshot(plugins, version, System.nanoTime());
        snapshot = taken;
        return taken;
    }

    private record Snapshot(List<PluginDTO> plugins, long version, long takenAt) {
    }

    private void changed() {
        changes.incrementAndGet();
    }

    public Optional<PluginDTO> plugin(String id) {
        return plugins().stream().filter(plugin -> plugin.id().equals(id)).findFirst();
    }

    /** @return the plugin in this bundle as it is now (not from the cached listing) */
    public PluginDTO describeNow(Bundle bundle) {
        changed();
        return describe(bundle);
    }

    /** Keeps an error that starting the plugin raised to its caller (the framework reports only its own starts). */
    public void recordFailure(Bundle bundle, Throwable error) {
        frameworkErrors.put(bundle.getBundleId(), rootMessage(error));
        changed();
    }

    private PluginDTO describe(Bundle bundle) {
        var headers = bundle.getHeaders("");
        String componentError = componentFailure(bundle);
        String error = componentError != null ? componentError : frameworkErrors.get(bundle.getBundleId());
        boolean failed = componentError != null || (error != null && bundle.getState() != Bundle.ACTIVE);
        String state = failed ? "FAILED" : stateName(bundle.getState());
        return new PluginDTO(headers.get(PluginHeaders.ID), headers.get(PluginHeaders.NAME),
                headers.get(PluginHeaders.NAME_EN), bundle.getVersion().toString(),
                parseWorkPoint(headers.get(PluginHeaders.WORK_POINT)), blankToNull(headers.get(PluginHeaders.OWNER_UNIT)),
                bundle.getBundleId(), bundle.getSymbolicName(), state, error);
    }

    /** @return the failure of the first component of the bundle that could not activate, or {@code null} */
    private String componentFailure(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            return null;
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return description.name + ": " + withoutStackTrace(configuration.failure);
                }
            }
        }
        return null;
    }

    static Integer parseWorkPoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int point = Integer.parseInt(value.trim());
            return point >= 1 && point <= 10 ? point : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String stateName(int state) {
        return switch (state) {
        case Bundle.ACTIVE -> "ACTIVE";
        case Bundle.STARTING -> "STARTING";
        case Bundle.STOPPING -> "STOPPING";
        case Bundle.RESOLVED -> "RESOLVED";
        case Bundle.INSTALLED -> "INSTALLED";
        default -> "UNINSTALLED";
        };
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null
                && event.getBundle().getHeaders("").get(PluginHeaders.ID) != null) {
            Throwable error = event.getThrowable();
            frameworkErrors.put(event.getBundle().getBundleId(), error == null ? "error" : rootMessage(error));
            changed();
        }
    }

    /**
     * SCR's failure text is a whole stack trace; GET /api/plugins shows members only its first line
     * (the exception and its message). The trace stays in karaf.log. Package-visible for tests.
     */
    static String withoutStackTrace(String failure) {
        if (failure == null) {
            return null;
        }
        String trimmed = failure.strip();
        int lineEnd = trimmed.indexOf('\n');
        return (lineEnd < 0 ? trimmed : trimmed.substring(0, lineEnd)).strip();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String id = bundle.getHeaders("").get(PluginHeaders.ID);
        if (id == null || id.isBlank()) {
            return null;
        }
        changed();
        return id.trim();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
        if (event != null && event.getType() == BundleEvent.STARTED) {
            frameworkErrors.remove(bundle.getBundleId());
        }
        changed();
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String id) {
        frameworkErrors.remove(bundle.getBundleId());
        changed();
    }
}
