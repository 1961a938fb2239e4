package cn.edu.cumt.union.core.internal.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * Gathers what waits on a user from every {@link TaskSource} registered now (a dynamic multiple
 * reference: a plugin that goes away drops out). Sources are asked in parallel, each within the
 * configured time ({@code etc/cn.edu.cumt.union.tasks.cfg}); one that is late, throws or still has
 * {@link #MAX_IN_FLIGHT} calls running is left out and named. Each task is stamped with the plugin id of
 * the bundle that registered the source, and kept only when its link stays under {@code /api/<that id>/}.
 */
@Component(service = TaskList.class, configurationPid = TaskList.PID)
@Designate(ocd = TaskList.Config.class)
public class TaskList {

    static final String PID = "cn.edu.cumt.union.tasks";
    /** Calls of one source that may run at once; past it the source is skipped, so a hung one cannot pile up threads. */
    static final int MAX_IN_FLIGHT = 4;
    static final int MAX_TITLE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(TaskList.class);

    @ObjectClassDefinition(name = "Union task list")
    public @interface Config {
        @AttributeDefinition(description = "How long GET /api/tasks waits for the plugins' answers, in milliseconds")
        long source_timeout_ms() default 2000;
    }

    /** A registered source: the plugin it speaks for and the base its links must stay under. */
    private record Source(String pluginId, String base, TaskSource source, AtomicInteger inFlight) {
    }

    /** The plugin id the core's own sources (e.g. open ballots) are stamped with; their links stay under {@code /api/}. */
    static final String CORE = "core";

    private final Map<Long, Source> sources = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "union-task-source");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private volatile long timeoutMs;

    @Activate
    public TaskList(Config config) {
        this(Clock.systemUTC(), LiveConfig.initial(LOG, PID, () -> timeout(config),
                () -> timeout(LiveConfig.defaults(Config.class))));
    }

    TaskList(Clock clock, long timeoutMs) {
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Modified
    void modified(Config config) {
        timeoutMs = LiveConfig.changed(LOG, PID, timeoutMs, () -> timeout(config));
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }

    private static long timeout(Config config) {
        return LiveConfig.atLeast("source.timeout.ms", config.source_timeout_ms(), 1);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(ServiceReference<TaskSource> reference, TaskSource source) {
        if (reference.getBundle() != null && reference.getBundle().equals(FrameworkUtil.getBundle(TaskList.class))) {
            addCore((Long) reference.getProperty(Constants.SERVICE_ID), source);
            return;
        }
        Object pluginId = reference.getBundle() == null ? null : reference.getBundle().getHeaders().get(PluginHeaders.ID);
        if (pluginId == null || pluginId.toString().isBlank()) {
            LOG.warn("Task source {} of bundle {} ignored: the bundle is not a plugin (no {} header)", source,
                    reference.getBundle(), PluginHeaders.ID);
            return;
        }
        add((Long) reference.getProperty(Constants.SERVICE_ID), pluginId.toString().trim(), source);
    }

    void removeSource(ServiceReference<TaskSource> reference) {
        sources.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    void add(long serviceId, String pluginId, TaskSource source) {
        sources.put(serviceId, new Source(pluginId, base(pluginId), source, new AtomicInteger()));
    }

    /** A source of the core's own bundle: stamped {@value #CORE}, its links kept under {@code /api/}. */
    void addCore(long serviceId, TaskSource source) {
        sources.put(serviceId, new Source(CORE, "/api/", source, new AtomicInteger()));
    }

    void remove(long serviceId) {
        sources.remove(serviceId);
    }

    /** Everything waiting on {@code user} across the sources registered now. */
    public TaskListDTO tasksFor(UnionPrincipal caller, boolean overdueOnly) {
        Instant now = clock.instant();
        // a plugin learns who asks, not which login session: that stays with the core
        UnionPrincipal user = new UnionPrincipal(caller.accountId(), caller.username(), caller.memberId(),
                caller.memberUnitId(), caller.roles(), caller.adminUnitIds(), null);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<TaskListDTO.MissingSourceDTO> missing = new ArrayList<>();
        Map<Source, Future<List<TaskDTO>>> asked = new LinkedHashMap<>();
        for (Source source : List.copyOf(sources.values())) {
            if (source.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                source.inFlight.decrementAndGet();
                missing.add(new TaskListDTO.MissingSourceDTO(source.pluginId, "busy"));
                continue;
            }
            asked.put(source, pool.submit(() -> {
                try {
                    return source.source.tasksFor(user);
                } finally {
                    source.inFlight.decrementAndGet();
                }
            }));
        }
        List<TaskItemDTO> items = new ArrayList<>();
        asked.forEach((source, answer) -> {
            try {
                List<TaskDTO> tasks = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (TaskDTO task : tasks == null ? List.<TaskDTO>of() : tasks) {
                    TaskItemDTO item = item(source.pluginId, source.base, task, now);
                    if (item != null && (!overdueOnly || item.overdue())) {
                        items.add(item);
                    }
                }
            } catch (TimeoutException late) {
                answer.cancel(true);
                LOG.warn("Task source of plugin {} did not answer within {} ms; left out", source.pluginId, timeoutMs);
                missing.add(new TaskListDTO.MissingSourceDTO(source.pluginId, "timeout"));
            } catch (ExecutionException failed) {
                LOG.warn("Task source of plugin {} failed; left out", source.pluginId, failed.getCause());
                missing.add(new TaskListDTO.MissingSourceDTO(source.pluginId, "failed"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                missing.add(new TaskListDTO.MissingSourceDTO(source.pluginId, "timeout"));
            }
        });
        items.sort(Comparator.comparing(TaskItemDTO::overdue).reversed()
                .thenComparing(TaskItemDTO::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TaskItemDTO::since, Comparator.nullsLast(Comparator.naturalOrder())));
        missing.sort(Comparator.comparing(TaskListDTO.MissingSourceDTO::plugin));
        return new TaskListDTO(items, missing);
    }

    /** The task as the core shows it, or {@code null} (logged) when it has no title or its link leaves the plugin's base. */
    static TaskItemDTO item(String pluginId, TaskDTO task, Instant now) {
        return item(pluginId, base(pluginId), task, now);
    }

    private static String base(String pluginId) {
        return "/api/" + pluginId + "/";
    }

    private static TaskItemDTO item(String pluginId, String base, TaskDTO task, Instant now) {
        if (task == null || task.title() == null || task.title().isBlank() || !linkUnder(base, task.link())) {
            LOG.warn("Task of plugin {} dropped: no title, or a link outside {}: {}", pluginId, base, task);
            return null;
        }
        String title = task.title().strip();
        return new TaskItemDTO(pluginId, title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, task.link(),
                task.stage(), task.since(), task.due(), task.due() != null && now.isAfter(task.due()));
    }

    /** Whether the link is a plain path under the plugin's own base: no dot segments, no scheme, host or backslash. */
    static boolean linkOf(String pluginId, String link) {
        return linkUnder(base(pluginId), link);
    }

    private static boolean linkUnder(String base, String link) {
        if (link == null || !link.startsWith(base) || link.length() > 500) {
            return false;
        }
        String path = link.split("[?#]", 2)[0];
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("%")) {
                return false;
            }
        }
        return link.chars().noneMatch(c -> c < 0x21 || c == '\\' || c == 0x7f);
    }
}
