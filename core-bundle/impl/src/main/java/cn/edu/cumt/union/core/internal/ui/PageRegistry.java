package cn.edu.cumt.union.core.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.core.internal.rest.RestApplications;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;
import cn.edu.cumt.union.core.internal.ui.PageModel.PluginPages;

/**
 * The pages of every active plugin bundle: an extender that reads {@code UI-INF/pages.json} when a
 * plugin bundle becomes ACTIVE and forgets it when the bundle stops. A file that fails
 * {@link PageParser} is logged and skipped (the plugin's REST API is not affected); a unit plugin's
 * is also refused at upload, so there it can only come from a jar dropped into {@code deploy/}.
 * Thread-safe.
 */
@Component(service = PageRegistry.class)
public class PageRegistry implements BundleTrackerCustomizer<PageRegistry.Entry> {

    private static final Logger LOG = LoggerFactory.getLogger(PageRegistry.class);

    /**
     * One plugin's pages.
     *
     * @param ownerUnit the owning unit's code for a unit plugin, {@code null} for a union plugin
     */
    public record Entry(String pluginId, long bundleId, String ownerUnit, PluginPages pages) {
        public boolean unitPlugin() {
            return ownerUnit != null;
        }
    }

    private final BundleTracker<Entry> tracker;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Differs between runs, so that a client's version from before a restart never matches. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong changes = new AtomicLong();

    @Activate
    public PageRegistry(BundleContext context) {
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** @return an opaque version that changes whenever a plugin's pages come or go */
    public String version() {
        return run + "-" + changes.get();
    }

    /** @return the plugins that have pages, ordered by their {@code order} and then id; one entry per plugin id */
    public List<Entry> entries() {
        Map<String, Entry> byId = new TreeMap<>();
        for (Entry entry : entries.values()) {
            byId.merge(entry.pluginId(), entry, (a, b) -> a.bundleId() <= b.bundleId() ? a : b);
        }
        List<Entry> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing((Entry entry) -> entry.pages().order() == null ? 1000 : entry.pages().order())
                .thenComparing(Entry::pluginId));
        return sorted;
    }

    /** @return the union plugin with this id that has pages and is active, if any (assets are served from it) */
    public Bundle unionPluginBundle(String pluginId, BundleContext context) {
        for (Entry entry : entries()) {
            if (entry.pluginId().equals(pluginId) && !entry.unitPlugin()) {
                Bundle bundle = context.getBundle(entry.bundleId());
                return bundle != null && bundle.getState() == Bundle.ACTIVE ? bundle : null;
            }
        }
        return null;
    }

    @Override
    public Entry addingBundle(Bundle bundle, BundleEvent event) {
        var headers = bundle.getHeaders("");
        String id = headers.get(PluginHeaders.ID);
        if (id == null || !RestApplications.validPluginId(id.trim())) {
            return null;
        }
        URL file = bundle.getEntry(PageParser.FILE);
        if (file == null) {
            return null;
        }
        String owner = headers.get(PluginHeaders.OWNER_UNIT);
        boolean unit = owner != null && !owner.isBlank();
        PageParser.Result result = read(bundle, file, unit);
        if (!result.valid()) {
            LOG.warn("Pages of plugin {} (bundle {}) not served: {}", id.trim(), bundle.getBundleId(), result.problems());
            return null;
        }
        Entry entry = new Entry(id.trim(), bundle.getBundleId(), unit ? owner.trim() : null, result.pages());
        entries.put(bundle.getBundleId(), entry);
        changes.incrementAndGet();
        LOG.info("Pages of plugin {}: {}", entry.pluginId(), result.pages().pages().stream().map(Page::id).toList());
        return entry;
    }

    /** Reads and checks the file, and that every module it names is in the bundle. */
    static PageParser.Result read(Bundle bundle, URL file, boolean unit) {
        byte[] bytes;
        try (InputStream in = file.openStream()) {
            bytes = in.readNBytes(PageParser.MAX_BYTES + 1);
        } catch (IOException unreadable) {
            return new PageParser.Result(null, List.of(PageParser.problem("无法读取", "unreadable: " + unreadable.getMessage())));
        }
        PageParser.Result result = PageParser.parse(bytes, unit);
        if (!result.valid()) {
            return result;
        }
        List<String> missing = result.pages().pages().stream().filter(page -> page.module() != null)
                .filter(page -> bundle.getEntry(PageParser.FOLDER + page.module()) == null)
                .map(page -> PageParser.problem("页面 " + page.id() + " 的模块不存在：" + page.module(),
                        "page " + page.id() + ": no module " + PageParser.FOLDER + page.module() + " in the bundle"))
                .toList();
        return missing.isEmpty() ? result : new PageParser.Result(null, missing);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Entry entry) {
        // still ACTIVE: nothing changes
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Entry entry) {
        if (entries.remove(bundle.getBundleId()) != null) {
            changes.incrementAndGet();
        }
    }
}
