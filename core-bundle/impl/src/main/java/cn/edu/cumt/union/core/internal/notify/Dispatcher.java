package cn.edu.cumt.union.core.internal.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.notify.NotificationChannel;
import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.notify.Recipient;

/**
 * Hands each written notice to every channel registered at that moment, on one delivery thread of
 * its own (never the request's). A channel that throws is tried again after 30 s, 1, 2 and 4 minutes,
 * then given up with an error in the log; the in-app copy is already written either way. Pending
 * retries live in memory: a restart drops them (the inbox keeps every notice).
 */
@Component(service = Dispatcher.class)
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int ATTEMPTS = 5;

    private final List<NotificationChannel> channels = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "union-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration firstPause;

    public Dispatcher() {
        this(Duration.ofSeconds(30));
    }

    Dispatcher(Duration firstPause) {
        this.firstPause = firstPause;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel channel) {
        channels.add(channel);
    }

    void removeChannel(NotificationChannel channel) {
        channels.remove(channel);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    public void dispatch(NotificationDTO notice, Recipient recipient) {
        for (NotificationChannel channel : channels) {
            schedule(channel, notice, recipient, 1, Duration.ZERO);
        }
    }

    private void schedule(NotificationChannel channel, NotificationDTO notice, Recipient recipient, int attempt,
            Duration pause) {
        try {
            executor.schedule(() -> attempt(channel, notice, recipient, attempt), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.warn("Notification {} not handed to channel {}: the core is stopping", notice.id(), channel.id());
        }
    }

    private void attempt(NotificationChannel channel, NotificationDTO notice, Recipient recipient, int attempt) {
        if (!channels.contains(channel)) {
            return;
        }
        try {
            channel.send(notice, recipient);
        } catch (Exception e) {
            if (attempt < ATTEMPTS) {
                Duration pause = firstPause.multipliedBy(1L << (attempt - 1));
                LOG.warn("Channel {} could not deliver notification {} (attempt {} of {}): {}; trying again in {} s",
                        channel.id(), notice.id(), attempt, ATTEMPTS, e.toString(), pause.toSeconds());
                schedule(channel, notice, recipient, attempt + 1, pause);
            } else {
                LOG.error("Channel {} gave up on notification {} after {} attempts: {}", channel.id(), notice.id(),
                        ATTEMPTS, e.toString());
            }
        }
    }
}
