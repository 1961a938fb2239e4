package cn.edu.cumt.union.core.internal.demo;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import cn.edu.cumt.union.api.directory.DemoUniversity;

/**
 * Registers the {@link DemoUniversity} service while the demo university is there, so that plugins' demo
 * components start when (and only when) they have something to attach their records to.
 */
class DemoUniversityMarker {

    private final BundleContext context;
    private final long seed;
    private ServiceRegistration<DemoUniversity> registration;
    private boolean published;

    /** @param context {@code null} in unit tests: only the state is kept */
    DemoUniversityMarker(BundleContext context, long seed) {
        this.context = context;
        this.seed = seed;
    }

    synchronized void publish() {
        if (registration != null || published) {
            return;
        }
        published = true;
        if (context != null) {
            long demoSeed = seed;
            registration = context.registerService(DemoUniversity.class, () -> demoSeed, null);
        }
    }

    synchronized void withdraw() {
        published = false;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
            registration = null;
        }
    }

    synchronized boolean isPublished() {
        return published;
    }
}
