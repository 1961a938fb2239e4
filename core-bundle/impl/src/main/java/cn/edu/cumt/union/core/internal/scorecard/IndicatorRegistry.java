package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * Every registered {@link IndicatorSource} (a dynamic multiple reference: plugins come and go), read
 * in parallel with a time limit from {@code etc/cn.edu.cumt.union.scorecard.cfg}, applied in place. A
 * source that throws, answers late or breaks the contract is reported as missing; the others still count.
 */
@Component(service = IndicatorRegistry.class, configurationPid = IndicatorRegistry.PID)
@Designate(ocd = IndicatorRegistry.Config.class)
public class IndicatorRegistry {

    static final String PID = "cn.edu.cumt.union.scorecard";
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorRegistry.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9][a-z0-9-]*)+");
    private static final int MAX_CODE = 100;
    private static final int MAX_LABEL = 200;
    private static final int MAX_MEASURE = 40;

    @ObjectClassDefinition(name = "Union scorecard")
    public @interface Config {
        @AttributeDefinition(description = "Most milliseconds one plugin may take to list its indicators or give a year's figures")
        long source_timeout_millis() default 5_000;
    }

    /**
     * A source with the plugin id its codes must start with and, for a unit's own plugin, the code of
     * the unit that owns it: only that unit's figures (and its groups') count.
     */
    record Source(String pluginId, String ownerUnit, IndicatorSource source) {
    }

    /** An indicator and the source (by service id) that publishes it. */
    record Known(long sourceId, IndicatorDTO indicator) {
    }

    /** What the sources publish now. */
    record Catalogue(Map<String, Known> indicators, List<MissingDTO> missing) {
        List<IndicatorDTO> list() {
            return indicators.values().stream().map(Known::indicator).toList();
        }
    }

    /** A year's figures for the wanted codes, and the codes that got none. */
    record Figures(Map<String, Map<Long, BigDecimal>> values, List<MissingDTO> missing) {
    }

    private final Map<Long, Source> sources = new ConcurrentSkipListMap<>();
    /** Calls that passed their time limit and still run (they ignored the interrupt), by source service id. */
    private final Map<Long, Call<?>> hung = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "union-indicators-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Directory directory;
    private volatile long timeoutMillis;

    @Activate
    public IndicatorRegistry(@Reference Directory directory, Config config) {
        this(directory, LiveConfig.initial(LOG, PID, () -> of(config), () -> 5_000L));
    }

    /** For tests: a registry with this time limit. */
    IndicatorRegistry(Directory directory, long timeoutMillis) {
        this.directory = directory;
        this.timeoutMillis = timeoutMillis;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    @Modified
    void modified(Config config) {
        timeoutMillis = LiveConfig.changed(LOG, PID, timeoutMillis, () -> of(config));
    }

    private static long of(Config config) {
        return LiveConfig.atLeast("source.timeout.millis", config.source_timeout_millis(), 1);
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(ServiceReference<IndicatorSource> reference, IndicatorSource source) {
        Object pluginId = reference.getBundle() == null ? null : reference.getBundle().getHeaders().get(PluginHeaders.ID);
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (pluginId == null) {
            LOG.warn("IndicatorSource {} of bundle {} ignored: only a plugin (with {}) may publish indicators", id,
                    reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName(), PluginHeaders.ID);
            return;
        }
        Object ownerUnit = reference.getBundle().getHeaders().get(PluginHeaders.OWNER_UNIT);
        add(id, pluginId.toString(), ownerUnit == null ? null : ownerUnit.toString(), source);
    }

    void removeSource(ServiceReference<IndicatorSource> reference) {
        remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    void add(long serviceId, String pluginId, String ownerUnit, IndicatorSource source) {
        sources.put(serviceId, new Source(pluginId, ownerUnit, source));
        LOG.info("Indicators of plugin {} available (source {})", pluginId, serviceId);
    }

    void remove(long serviceId) {
        Source gone = sources.remove(serviceId);
        if (gone != null) {
            LOG.info("Indicators of plugin {} withdrawn (source {})", gone.pluginId(), serviceId);
        }
    }

    /**
     * The indicators published now, by code, in source order (oldest source first). A code outside its
     * plugin's id, malformed, with empty labels or already taken by an older source is left out and reported.
     */
    Catalogue catalogue() {
        Map<Long, Source> now = new LinkedHashMap<>(sources);
        long deadline = deadline();
        Map<Long, Call<List<IndicatorDTO>>> asked = ask(now, s -> s.source().indicators());
        Map<String, Known> known = new LinkedHashMap<>();
        List<MissingDTO> missing = new ArrayList<>();
        for (Map.Entry<Long, Call<List<IndicatorDTO>>> entry : asked.entrySet()) {
            Source source = now.get(entry.getKey());
            List<IndicatorDTO> listed;
            try {
                listed = answer(entry.getValue(), deadline);
            } catch (SourceFailure failure) {
                missing.add(new MissingDTO(source.pluginId(), failure.reason));
                LOG.warn("Plugin {} did not list its indicators: {}", source.pluginId(), failure.reason);
                continue;
            }
            for (IndicatorDTO indicator : listed == null ? List.<IndicatorDTO>of() : listed) {
                String problem = problem(source.pluginId(), indicator, known.keySet());
                if (problem == null) {
                    known.put(indicator.code(), new Known(entry.getKey(), indicator));
                } else {
                    String code = indicator == null || indicator.code() == null ? source.pluginId() : indicator.code();
                    missing.add(new MissingDTO(code, problem));
                    LOG.warn("Plugin {}: indicator {} left out: {}", source.pluginId(), code, problem);
                }
            }
        }
        return new Catalogue(known, missing);
    }

    /** @return why the indicator cannot be used, or {@code null} when it can */
    static String problem(String pluginId, IndicatorDTO indicator, Set<String> taken) {
        if (indicator == null || indicator.code() == null) {
            return "指标缺少代码 / an indicator has no code";
        }
        String code = indicator.code();
        if (code.length() > MAX_CODE || !CODE.matcher(code).matches() || !code.startsWith(pluginId + ".")) {
            return "指标代码须为 " + pluginId + ".<名称> / the code must be " + pluginId + ".<name> in lower case";
        }
        if (blankOrLong(indicator.labelZh(), MAX_LABEL) || blankOrLong(indicator.labelEn(), MAX_LABEL)
                || indicator.unitOfMeasure() != null && indicator.unitOfMeasure().length() > MAX_MEASURE) {
            return "指标名称为空或过长 / a label is empty or too long";
        }
        if (taken.contains(code)) {
            return "指标代码重复 / the code is published twice";
        }
        return null;
    }

    private static boolean blankOrLong(String text, int max) {
        return text == null || text.isBlank() || text.length() > max;
    }

    /**
     * A year's figures of the wanted codes: each source that publishes one of them is asked once, in
     * parallel. A code no source publishes now, or whose source fails or answers late, is missing.
     */
    Figures figures(int year, Collection<String> wanted) {
        Catalogue catalogue = catalogue();
        Map<Long, Source> asked = new LinkedHashMap<>();
        List<MissingDTO> missing = new ArrayList<>();
        for (String code : wanted) {
            Known known = catalogue.indicators().get(code);
            Source source = known == null ? null : sources.get(known.sourceId());
            if (source == null) {
                String pluginId = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
                String reason = catalogue.missing().stream().filter(m -> m.code().equals(pluginId))
                        .map(MissingDTO::reason).findFirst()
                        .orElse("提供该指标的插件未安装 / no installed plugin publishes it");
                missing.add(new MissingDTO(code, reason));
            } else {
                asked.put(known.sourceId(), source);
            }
        }
        long deadline = deadline();
        Map<Long, Call<Map<String, Map<Long, BigDecimal>>>> answers = ask(asked, s -> s.source().figures(year));
        Map<String, Map<Long, BigDecimal>> values = new HashMap<>();
        for (String code : wanted) {
            Known known = catalogue.indicators().get(code);
            if (known == null || !answers.containsKey(known.sourceId())) {
                continue;
            }
            try {
                Map<String, Map<Long, BigDecimal>> all = answer(answers.get(known.sourceId()), deadline);
                Map<Long, BigDecimal> mine = new HashMap<>();
                Set<Long> allowed = owned(asked.get(known.sourceId()));
                if (all != null && all.get(code) != null) {
                    all.get(code).forEach((unit, value) -> {
                        if (unit != null && value != null && (allowed == null || allowed.contains(unit))) {
                            mine.put(unit, value);
                        }
                    });
                }
                values.put(code, mine);
            } catch (SourceFailure failure) {
                missing.add(new MissingDTO(code, failure.reason));
                LOG.warn("Figures of {} for {} missing: {}", code, year, failure.reason);
            }
        }
        return new Figures(values, missing);
    }

    /** @return the units a unit plugin may give figures for (its unit and below), {@code null} for the union's own plugins */
    private Set<Long> owned(Source source) {
        if (source.ownerUnit() == null) {
            return null;
        }
        return directory.findUnitByCode(source.ownerUnit()).map(unit -> directory.unitAndDescendants(unit.id()))
                .orElse(Set.of());
    }

    /** One call of a source: its answer, and the thread running it (to interrupt at the time limit). */
    private static final class Call<T> {
        final long sourceId;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile Thread thread;

        Call(long sourceId) {
            this.sourceId = sourceId;
        }
    }

    /**
     * Starts the calls, one per source, in parallel. A source whose earlier call is still running (it
     * ignored the interrupt at its time limit) is not called again: each such source ties up one thread
     * at most, however often the scorecard is asked for.
     */
    private <T> Map<Long, Call<T>> ask(Map<Long, Source> asked, Function<Source, T> question) {
        Map<Long, Call<T>> calls = new LinkedHashMap<>();
        asked.forEach((id, source) -> {
            Call<T> call = new Call<>(id);
            calls.put(id, call);
            if (hung.containsKey(id)) {
                call.result.completeExceptionally(new Busy());
                return;
            }
            pool.execute(() -> {
                call.thread = Thread.currentThread();
                try {
                    call.result.complete(question.apply(source));
                } catch (RuntimeException | Error e) {
                    call.result.completeExceptionally(e);
                } finally {
                    synchronized (call) {
                        // an interrupt sent at the time limit must not reach the thread's next task
                        call.thread = null;
                        Thread.interrupted();
                    }
                    hung.remove(id, call);
                }
            });
        });
        return calls;
    }

    /** The source is still busy with an earlier call. */
    private static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("busy", null, false, false);
        }
    }

    /** @return when the answers to calls started now are due: they run in parallel, so they share one limit */
    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Waits for an answer until the deadline. */
    private <T> T answer(Call<T> call, long deadline) throws SourceFailure {
        try {
            return call.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            synchronized (call) {
                if (call.thread != null) {
                    hung.put(call.sourceId, call);
                    call.thread.interrupt();
                }
            }
            throw new SourceFailure("插件未在 " + timeoutMillis + " 毫秒内答复 / the plugin did not answer within "
                    + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Busy) {
                throw new SourceFailure("插件上一次调用尚未结束 / the plugin is still busy with an earlier call");
            }
            LOG.debug("Indicator source failed", e.getCause());
            throw new SourceFailure("插件出错 / the plugin failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure("已中断 / interrupted");
        }
    }

    private static final class SourceFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        SourceFailure(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }
}
