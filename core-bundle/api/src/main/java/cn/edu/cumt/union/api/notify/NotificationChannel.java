package cn.edu.cumt.union.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way out besides the in-app inbox (email, WeChat Work …): register one as an OSGi service and
 * the core hands it every notice written from then on. Called on the core's delivery thread, never
 * on a request thread; a channel that throws is called again later (a few times, with growing pauses).
 * A channel that cannot reach a recipient (no address) returns without sending.
 */
@ConsumerType
public interface NotificationChannel {

    /** A short name for logs, e.g. {@code mail}. */
    String id();

    /**
     * Delivers one notice. Its title and body are already reduced for a confidential notice.
     *
     * @throws Exception to have the delivery tried again
     */
    void send(NotificationDTO notice, Recipient recipient) throws Exception;
}
