package cn.edu.cumt.union.core.internal.rest;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drain before stop, for a node behind a load balancer: when the framework begins to stop (bin/stop),
 * before any bundle stops, {@code /api/health} turns to 503 {@code STOPPING} while every request is still
 * served, for {@code shutdown.drain.seconds} ({@code etc/cn.edu.cumt.union.http.cfg}); then the stop goes
 * on. The balancer takes the node out on its next health checks, so a rolling restart loses no request.
 * The framework's own STOPPING event is delivered to synchronous listeners on the stopping thread, before
 * the start level falls: waiting in it holds every bundle up.
 */
@Component(service = ShutdownDrain.class, immediate = true)
public class ShutdownDrain {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private final BundleContext context;
    private final HttpSettings settings;
    private final SynchronousBundleListener listener = this::bundleChanged;
    private volatile boolean draining;

    @Activate
    public ShutdownDrain(BundleContext context, @Reference HttpSettings settings) {
        this.context = context;
        this.settings = settings;
        context.addBundleListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    /** Whether the node is stopping: health says 503 so that no balancer sends it new work. */
    public boolean draining() {
        return draining;
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.STOPPING || event.getBundle().getBundleId() != Constants.SYSTEM_BUNDLE_ID) {
            return;
        }
        Duration drain = Duration.ofSeconds(settings.limits().drainSeconds());
        if (drain.isZero()) {
            return;
        }
        draining = true;
        LOG.info("Stopping: /api/health answers 503 for {} s while requests are still served (shutdown.drain.seconds)", drain.toSeconds());
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Drained: stopping the platform");
    }
}
