package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.api.table.Tables;
import cn.edu.cumt.union.core.internal.attachment.AttachmentStore;
import cn.edu.cumt.union.core.internal.storage.DataDir;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.rest.RestApplications;

/**
 * Installs, upgrades, disables, enables, uninstalls and purges plugins while the platform runs.
 * An upload is checked ({@link PluginRules}), its imports are looked up among the packages the
 * platform exports, and only then installed; if the framework still cannot resolve it, it is
 * uninstalled again at once. One operation at a time: plugin changes are rare and must not interleave.
 * A change of {@link PluginConfig} applies in place ({@link Settings}); an operation under way ends
 * with the settings it started with.
 */
@Component(service = PluginInstaller.class, configurationPid = PluginConfig.PID)
@Designate(ocd = PluginConfig.class)
public class PluginInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);
    /** Bundles installed through the platform carry this location prefix; the others came from features or deploy/. */
    static final String LOCATION_PREFIX = "union:plugin:";
    private static final java.util.regex.Pattern EXPORT_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9]{1,19}-\\d{8}-\\d{6}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final BundleContext context;
    private volatile Settings settings;
    private final PluginRegistry registry;
    private final OrganisationService organisation;
    private final AccessControl access;
    private final AuditLog audit;
    private final UnitPluginDatabases databases;
    private final DataSource platformDatabase;
    private final Tables tables;
    private final RestApplications applications;
    private final AttachmentStore attachments;
    /** Counts writes of plugin records (data/union/plugins/<id>/plugin.properties) by this installer. */
    private final AtomicLong recordChanges = new AtomicLong();
    private volatile Kept kept;
    /** How long an install, upgrade or enable waits for the plugin's REST resources to be served. */
    private static final java.time.Duration SERVED_WAIT = java.time.Duration.ofSeconds(10);

    @Activate
    public PluginInstaller(BundleContext context, PluginConfig config, @Reference PluginRegistry registry,
            @Reference OrganisationService organisation, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference UnitPluginDatabases databases, @Reference Tables tables, @Reference RestApplications applications,
            @Reference(target = "(osgi.jndi.service.name=" + Storage.DATA_SOURCE + ")") DataSource platformDatabase,
            @Reference AttachmentStore attachments) {
        this.context = context;
        this.attachments = attachments;
        this.registry = registry;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.databases = databases;
        this.tables = tables;
        this.applications = applications;
        this.platformDatabase = platformDatabase;
        this.settings = LiveConfig.initial(LOG, PluginConfig.PID, () -> Settings.of(config),
                () -> Settings.of(LiveConfig.defaults(PluginConfig.class)));
        // Off the activation thread: starting bundles from inside a component's activation nests SCR's work.
        Thread restore = new Thread(this::restoreMissing, "union-plugin-restore");
        restore.setDaemon(true);
        restore.start();
    }

    /** Who puts plugins back at start: the platform itself, with an operator's say. */
    private static final UnionPrincipal PLATFORM = new UnionPrincipal(0L, "system", null, null, Set.of(Roles.OPERATOR),
            Set.of(), null);

    /**
     * After a new distribution was installed over the run folder (its bundle cache is new) or data/ was
     * restored, the framework no longer holds the plugins installed through the platform, though their
     * records say installed and their jars are kept: put each back from its kept jar, through every check
     * of an upload again (the rules may have changed since), so that an upgrade of the platform keeps them.
     */
    synchronized void restoreMissing() {
        Settings current = settings;
        List<Path> folders;
        try (Stream<Path> children = Files.isDirectory(current.pluginFolder()) ? Files.list(current.pluginFolder()) : Stream.empty()) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            LOG.error("Plugins installed through the platform cannot be listed in {}", current.pluginFolder(), e);
            return;
        }
        for (Path folder : folders) {
            try {
                PluginRecord known = PluginRecord.read(folder);
                if (known == null || !known.installed() || bundleOf(known.pluginId()).isPresent()) {
                    continue;
                }
                Path jarFile = folder.resolve(known.version() + ".jar");
                if (!Files.isRegularFile(jarFile)) {
                    LOG.warn("Plugin {} {} is recorded as installed but its jar {} is missing", known.pluginId(), known.version(), jarFile);
                    continue;
                }
                Checked checked = check(current, PLATFORM, Files.readAllBytes(jarFile));
                if (checked.action() != PluginRules.Action.INSTALL) {
                    continue;
                }
                Bundle bundle = install(checked.jar());
                audit.record("plugin.restore", "Plugin", known.pluginId(), known.symbolicName() + " " + known.version()
                        + " put back from " + jarFile.getFileName() + " (not in the framework at start)");
                LOG.info("Plugin {} {} put back from its kept jar (bundle {})", known.pluginId(), known.version(), bundle.getBundleId());
            } catch (ApiException refused) {
                LOG.error("Plugin in {} not put back: {} {}", folder, refused.code(), refused.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.error("Plugin in {} not put back", folder, e);
            }
        }
    }

    /** A change of etc/cn.edu.cumt.union.plugins.cfg: applied in place, or refused whole when a value is not valid. */
    @Modified
    void modified(PluginConfig config) {
        settings = LiveConfig.changed(LOG, PluginConfig.PID, settings, () -> Settings.of(config));
    }

    Settings settings() {
        return settings;
    }

    /** Every setting an operation reads, built and checked from the configuration at once, swapped whole. */
    record Settings(PluginRules rules, UnitPluginFence fence, boolean unitUploadReview, PluginReviews reviews,
            Path pluginFolder, Path exportFolder) {

        /** Also checks the unit databases' part of the file: a change applies whole or not at all. */
        static Settings of(PluginConfig config) {
            UnitPluginDatabases.Settings.own(config);
            LiveConfig.atLeast("unit.jar.max.entries", config.unit_jar_max_entries(), 1);
            LiveConfig.atLeast("unit.jar.max.entry.bytes", config.unit_jar_max_entry_bytes(), 1);
            LiveConfig.atLeast("unit.jar.max.total.bytes", config.unit_jar_max_total_bytes(), 1);
            LiveConfig.atLeast("unit.jar.max.ratio", config.unit_jar_max_ratio(), 1);
            // the supertypes of the types a plugin references are read from what the core itself sees
            return new Settings(new PluginRules(Arrays.asList(config.unit_allowed_imports())),
                    new UnitPluginFence(config, PluginInstaller.class.getClassLoader()), config.unit_upload_review(),
                    new PluginReviews(DataDir.resolve(LiveConfig.required("review.folder", config.review_folder()))),
                    DataDir.resolve(LiveConfig.required("plugin.folder", config.plugin_folder())),
                    DataDir.resolve(LiveConfig.required("export.folder", config.export_folder())));
        }

        Path folder(String pluginId) {
            return pluginFolder.resolve(pluginId);
        }
    }

    /** An upload that passed every check, what installing it will do, and the settings it was checked with. */
    private record Checked(Settings settings, PluginJar jar, PluginRules.Action action, Optional<Bundle> installed,
            List<String> report) {
    }

    /**
     * Installs a new plugin or upgrades an installed one to a higher version; with
     * {@code unit.upload.review=true} a unit plugin uploaded by anyone but an operator is held for
     * an operator's approval instead (answered with {@code PENDING_REVIEW}).
     */
    public synchronized PluginInstallDTO upload(UnionPrincipal caller, byte[] bytes) {
        Checked checked = check(settings, caller, bytes);
        PluginJar jar = checked.jar();
        if (jar.unitPlugin() && checked.settings().unitUploadReview() && !caller.hasRole(Roles.OPERATOR)) {
            String installedVersion = checked.installed().map(bundle -> bundle.getVersion().toString()).orElse(null);
            PluginReviewDTO review;
            try {
                review = checked.settings().reviews().hold(jar, checked.action(), installedVersion, caller.username(), checked.report());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot keep the upload of " + jar.pluginId() + " for review", e);
            }
            audit.record("plugin.review-requested", "Plugin", jar.pluginId(), jar.symbolicName() + " " + jar.version()
                    + " unit " + jar.ownerUnit() + ", sha256 " + review.sha256());
            return new PluginInstallDTO("PENDING_REVIEW", installedVersion, null, review);
        }
        return apply(checked);
    }

    /** @return the uploads waiting for approval that the caller may see (a unit administrator: their units') */
    public synchronized List<PluginReviewDTO> reviews(UnionPrincipal caller) {
        try {
            return settings.reviews().list().stream().filter(review -> mayManage(caller, review.ownerUnit())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the uploads waiting for review", e);
        }
    }

    /**
     * Installs a held upload, as its bytes were checked and kept; every check runs again first,
     * since the platform may have changed meanwhile (another version installed, the unit removed).
     * A refusal keeps the upload waiting, for the operator to reject.
     */
    public synchronized PluginInstallDTO approve(UnionPrincipal operator, String pluginId) {
        Settings current = settings;
        PluginReviews.Pending pending = pendingReview(current, operator, pluginId, "plugin.approve");
        Checked checked = check(current, operator, pending.bytes());
        if (!checked.jar().pluginId().equals(pluginId)) {
            throw new IllegalStateException("The upload held as " + pluginId + " is plugin " + checked.jar().pluginId());
        }
        PluginInstallDTO done = apply(checked);
        removeReview(current, pluginId);
        audit.record("plugin.approve", "Plugin", pluginId, pending.review().version() + " uploaded by "
                + pending.review().uploadedBy() + ", sha256 " + pending.review().sha256());
        return done;
    }

    /** Drops a held upload; nothing of it is installed. */
    public synchronized PluginReviewDTO reject(UnionPrincipal operator, String pluginId, String reason) {
        Settings current = settings;
        PluginReviews.Pending pending = pendingReview(current, operator, pluginId, "plugin.reject");
        removeReview(current, pluginId);
        audit.record("plugin.reject", "Plugin", pluginId, pending.review().version() + " uploaded by "
                + pending.review().uploadedBy() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        return pending.review();
    }

    private PluginReviews.Pending pendingReview(Settings current, UnionPrincipal caller, String pluginId, String action) {
        if (!caller.hasRole(Roles.OPERATOR)) {
            audit.denied(action, "Plugin", String.valueOf(pluginId), "not an operator");
            throw ApiException.forbidden("plugin.operator-only", "只有平台运维人员可以审核插件", "Only platform operators review plugin uploads");
        }
        try {
            return current.reviews().pending(pluginId).orElseThrow(() -> ApiException.notFound("plugin.review-not-found",
                    "没有待审核的插件：" + pluginId, "No upload of " + pluginId + " is waiting for review"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the upload of " + pluginId + " held for review", e);
        }
    }

    private void removeReview(Settings current, String pluginId) {
        try {
            current.reviews().remove(pluginId);
        } catch (IOException e) {
            LOG.warn("The review of {} could not be removed", pluginId, e);
        }
    }

    /** Every check on an upload, before anything of it is written; a refusal is audited. */
    private Checked check(Settings current, UnionPrincipal caller, byte[] bytes) {
        UnitPluginFence fence = current.fence();
        // These bytes, read from the request once, are what is checked, kept and installed: nothing reads the upload again.
        JarIntegrity.Scan scan = fence.scan(bytes);
        refuseUnreadableUnitPlugin(scan);
        PluginJar jar = PluginJar.read(bytes);
        List<String> contents = jar.unitPlugin() ? fence.problems(scan, jar.manifest()) : List.of();
        Optional<UnitDTO> owner = jar.unitPlugin() ? unitByCode(jar.ownerUnit()) : Optional.empty();
        var uploader = new PluginRules.Uploader(caller.hasRole(Roles.OPERATOR), caller.hasRole(Roles.UNION_ADMIN),
                owner.isPresent() && caller.hasRole(Roles.UNIT_ADMIN) && access.canManageUnit(caller, owner.get().id()));
        Optional<Bundle> installed = bundleOf(jar.pluginId());
        Optional<PluginRules.Installed> sameName = Arrays.stream(context.getBundles())
                .filter(bundle -> jar.symbolicName().equals(bundle.getSymbolicName()))
                .filter(bundle -> !jar.pluginId().equals(pluginIdOf(bundle))).findFirst().map(PluginInstaller::describe);
        PluginRules.Action action;
        try {
            action = current.rules().check(jar, uploader, owner.isPresent(), installed.map(PluginInstaller::describe), sameName, contents);
            requireExportedImports(jar);
            requireKnownRecordMatches(current, jar);
        } catch (ApiException refused) {
            audit.denied("plugin.upload", "Plugin", jar.pluginId(), jar.symbolicName() + " " + jar.version() + ": " + refused.code());
            throw refused;
        }
        return new Checked(current, jar, action, installed, jar.unitPlugin() ? fence.report(scan, jar.manifest()) : List.of());
    }

    private PluginInstallDTO apply(Checked checked) {
        PluginJar jar = checked.jar();
        Path folder = checked.settings().folder(jar.pluginId());
        Path jarFile = folder.resolve(jar.version() + ".jar");
        try {
            Files.createDirectories(folder);
            Files.write(jarFile, jar.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the plugin jar in " + folder, e);
        }
        if (checked.action() == PluginRules.Action.INSTALL) {
            Bundle bundle = install(jar);
            writeRecord(checked.settings(), jar);
            audit.record("plugin.install", "Plugin", jar.pluginId(), jar.symbolicName() + " " + jar.version()
                    + (jar.unitPlugin() ? " unit " + jar.ownerUnit() : ""));
            return new PluginInstallDTO("INSTALLED", null, registry.describeNow(bundle));
        }
        Bundle bundle = checked.installed().get();
        String previous = bundle.getVersion().toString();
        upgrade(bundle, jar, folder.resolve(previous + ".jar"));
        applications.awaitServed(bundle, SERVED_WAIT);
        writeRecord(checked.settings(), jar);
        audit.record("plugin.upgrade", "Plugin", jar.pluginId(), previous + " -> " + jar.version());
        return new PluginInstallDTO("UPGRADED", previous, registry.describeNow(bundle));
    }

    /**
     * A unit plugin (or a jar whose manifest could not be read within the bounds) that the bounded
     * scan could not read in full is refused here, before anything reads it without bounds.
     */
    private void refuseUnreadableUnitPlugin(JarIntegrity.Scan scan) {
        if (scan.complete() || Boolean.FALSE.equals(scan.declaresUnitPlugin())) {
            return;
        }
        String pluginId = scan.manifest() == null ? null : scan.manifest().getValue(PluginHeaders.ID);
        audit.denied("plugin.upload", "Plugin", pluginId == null ? "?" : pluginId.trim(), "plugin.refused: unreadable unit plugin jar");
        throw new ApiException(400, "plugin.refused", "插件不符合平台规则，未安装", "The plugin breaks the platform's rules and was not installed",
                scan.problems());
    }

    private Bundle install(PluginJar jar) {
        Bundle bundle;
        try {
            bundle = context.installBundle(LOCATION_PREFIX + jar.pluginId(), new ByteArrayInputStream(jar.bytes()));
        } catch (BundleException e) {
            throw ApiException.badRequest("plugin.install-failed", "插件无法安装：" + e.getMessage(), "The plugin cannot be installed: " + e.getMessage());
        }
        if (!wiring().resolveBundles(Set.of(bundle))) {
            String reason = resolutionFailure(bundle);
            uninstallQuietly(bundle);
            throw new ApiException(400, "plugin.unresolved", "插件的依赖在平台中不存在，未安装", "The plugin's requirements are not met by the platform; nothing was installed",
                    List.of(reason));
        }
        startReportingFailure(bundle);
        return bundle;
    }

    private void upgrade(Bundle bundle, PluginJar jar, Path previousJar) {
        try {
            bundle.update(new ByteArrayInputStream(jar.bytes()));
            refresh(bundle);
        } catch (BundleException e) {
            throw ApiException.badRequest("plugin.install-failed", "插件无法升级：" + e.getMessage(), "The plugin cannot be upgraded: " + e.getMessage());
        }
        if (!wiring().resolveBundles(Set.of(bundle))) {
            String reason = resolutionFailure(bundle);
            try (InputStream old = Files.newInputStream(previousJar)) {
                bundle.update(old);
                refresh(bundle);
                startReportingFailure(bundle);
            } catch (IOException | BundleException e) {
                LOG.error("Plugin {} could not be put back to its previous version", jar.pluginId(), e);
            }
            throw new ApiException(400, "plugin.unresolved", "新版本的依赖在平台中不存在，已恢复原版本", "The new version's requirements are not met; the previous version was put back",
                    List.of(reason));
        }
        if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING && !disabled(bundle)) {
            startReportingFailure(bundle);
        }
    }

    /** A plugin stopped on purpose stays stopped after an upgrade. */
    private static boolean disabled(Bundle bundle) {
        var startLevel = bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
        return startLevel != null && !startLevel.isPersistentlyStarted();
    }

    private void startReportingFailure(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException failed) {
            LOG.warn("Plugin {} failed to start", bundle.getSymbolicName(), failed);
            registry.recordFailure(bundle, failed);
            return;
        }
        // Answer once the plugin's own application serves it: the caller's next request finds it there.
        if (!applications.awaitServed(bundle, SERVED_WAIT)) {
            LOG.info("Plugin {} is started but not all of its REST resources are up after {}", bundle.getSymbolicName(), SERVED_WAIT);
        }
    }

    /** Looks every mandatory import up among the packages installed bundles export, before installing anything. */
    private void requireExportedImports(PluginJar jar) {
        List<String> missing = new ArrayList<>();
        for (ManifestClauses.Clause clause : ManifestClauses.parse(jar.header("Import-Package")).clauses()) {
            if (clause.optional()) {
                continue;
            }
            for (String name : clause.names()) {
                if (name.startsWith("java.")) {
                    continue;
                }
                PackageRequirement requirement;
                try {
                    requirement = new PackageRequirement(name, clause.attributes().get("version"));
                } catch (IllegalArgumentException badRange) {
                    missing.add("包 " + name + " 的版本范围无效 / the version range of " + name + " is not valid");
                    continue;
                }
                if (wiring().findProviders(requirement).isEmpty()) {
                    missing.add("平台没有提供包 " + requirement.describe() + " / no bundle exports " + requirement.describe());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(400, "plugin.unresolved", "插件所需的包在平台中不存在，未安装", "Packages the plugin needs are not in the platform; nothing was installed",
                    missing);
        }
    }

    /** A plugin id once installed through the platform (and maybe uninstalled, data kept) stays with its bundle and unit. */
    private void requireKnownRecordMatches(Settings current, PluginJar jar) {
        PluginRecord known = record(current, jar.pluginId());
        if (known != null && (!known.symbolicName().equals(jar.symbolicName())
                || !java.util.Objects.equals(known.ownerUnit(), jar.ownerUnit()))) {
            throw ApiException.conflict("plugin.id-taken", "插件标识 " + jar.pluginId() + " 已属于另一个插件（其数据仍保留）",
                    "The plugin id " + jar.pluginId() + " belongs to another plugin whose data is kept");
        }
        if (known != null && !known.installed() && Version.parseVersion(known.version()).compareTo(jar.version()) > 0) {
            throw ApiException.conflict("plugin.downgrade", "曾安装更高版本 " + known.version() + "，其数据结构不能降级",
                    "Version " + known.version() + " was installed before: its data cannot go back to " + jar.version());
        }
    }

    public synchronized PluginDTO disable(UnionPrincipal caller, String pluginId) {
        Bundle bundle = managedBundle(caller, pluginId, "plugin.disable");
        try {
            bundle.stop();
        } catch (BundleException e) {
            throw ApiException.conflict("plugin.stop-failed", "插件无法停用：" + e.getMessage(), "The plugin cannot be stopped: " + e.getMessage());
        }
        applications.awaitWithdrawn(pluginId, SERVED_WAIT);
        audit.record("plugin.disable", "Plugin", pluginId, bundle.getVersion().toString());
        return registry.describeNow(bundle);
    }

    public synchronized PluginDTO enable(UnionPrincipal caller, String pluginId) {
        Bundle bundle = managedBundle(caller, pluginId, "plugin.enable");
        startReportingFailure(bundle);
        audit.record("plugin.enable", "Plugin", pluginId, bundle.getVersion().toString());
        return registry.describeNow(bundle);
    }

    /** Removes the plugin's code; its data (tables or database) stays for a reinstall or a purge. */
    public synchronized PluginDTO uninstall(UnionPrincipal caller, String pluginId) {
        Bundle bundle = managedBundle(caller, pluginId, "plugin.uninstall");
        if (!bundle.getLocation().startsWith(LOCATION_PREFIX)) {
            audit.denied("plugin.uninstall", "Plugin", pluginId, "not installed through the platform");
            throw ApiException.conflict("plugin.not-uploaded", "该插件由功能包或 deploy 目录安装，请在那里移除",
                    "This plugin was installed by a feature or from deploy/: remove it there");
        }
        Settings current = settings;
        PluginDTO before = registry.describeNow(bundle);
        uninstallQuietly(bundle);
        applications.awaitWithdrawn(pluginId, SERVED_WAIT);
        PluginRecord known = record(current, pluginId);
        if (known != null) {
            try {
                known.withInstalled(false).write(current.folder(pluginId));
            } catch (IOException e) {
                LOG.warn("Record of plugin {} not updated", pluginId, e);
            }
            recordChanges.incrementAndGet();
        }
        audit.record("plugin.uninstall", "Plugin", pluginId, before.version() + ", data kept");
        return new PluginDTO(before.id(), before.name(), before.nameEn(), before.version(), before.workPoint(),
                before.ownerUnit(), -1, before.symbolicName(), "UNINSTALLED", null);
    }

    /**
     * Saves the data of an uninstalled plugin to a zip of CSV files, then deletes it, and forgets
     * the plugin. The caller must type the plugin id again.
     */
    public synchronized PurgeReportDTO purge(UnionPrincipal caller, String pluginId, PurgeRequestDTO request) {
        Settings current = settings;
        PluginRecord known = record(current, pluginId);
        if (known == null) {
            throw notFound(pluginId);
        }
        requireMayManage(caller, known.ownerUnit(), pluginId, "plugin.purge");
        if (request == null || !pluginId.equals(request.confirm())) {
            throw ApiException.badRequest("plugin.purge-unconfirmed", "清除数据须再次输入插件标识确认（confirm）",
                    "A purge deletes data: send {\"confirm\": \"" + pluginId + "\"} to confirm it");
        }
        if (bundleOf(pluginId).isPresent()) {
            throw ApiException.conflict("plugin.still-installed", "请先卸载插件再清除数据", "Uninstall the plugin before purging its data");
        }
        boolean ownDatabase = known.ownerUnit() != null;
        DataSource source = ownDatabase ? databases.dataSource(pluginId) : platformDatabase;
        String id = pluginId.toUpperCase(Locale.ROOT);
        Predicate<String> wanted = ownDatabase ? table -> true
                : table -> table.startsWith(id + "_") || table.equals("DBCL" + id) || table.equals("DBCL" + id + "LOCK");
        Path export = current.exportFolder()
                .resolve(pluginId + "-" + LocalDateTime.now().format(STAMP) + ".zip");
        List<PluginDataExport.TableRows> saved;
        int files;
        try {
            List<String> found = PluginDataExport.tables(source, wanted);
            saved = PluginDataExport.export(source, found, tables, export);
            // the plugin's files go into the same zip, then out of the core's database
            files = attachments.purge(pluginId, export);
            // who may download the export later, when the plugin's own record is gone
            Files.writeString(ownerFile(export), known.ownerUnit() == null ? "" : known.ownerUnit());
            if (ownDatabase) {
                databases.delete(pluginId);
            } else {
                PluginDataExport.drop(source, found);
            }
            deleteFolder(current.folder(pluginId));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Purge of plugin " + pluginId + " failed", e);
        } finally {
            recordChanges.incrementAndGet();
        }
        long rows = saved.stream().mapToLong(PluginDataExport.TableRows::rows).sum();
        audit.record("plugin.purge", "Plugin", pluginId, saved.size() + " tables, " + rows + " rows, "
                + files + " attached files saved to " + export.getFileName());
        return new PurgeReportDTO(pluginId, DataDir.resolve(".").toAbsolutePath().normalize()
                .relativize(export.toAbsolutePath().normalize()).toString(), "/api/plugins/exports/" + export.getFileName(), saved);
    }

    /**
     * @return a purge's export file, for operators, union administrators and the administrators of
     *         the plugin's unit
     */
    public synchronized Path export(UnionPrincipal caller, String fileName) {
        Path folder = settings.exportFolder().toAbsolutePath().normalize();
        Path file = folder.resolve(fileName == null ? "" : fileName).normalize();
        if (!EXPORT_NAME.matcher(fileName == null ? "" : fileName).matches() || !file.startsWith(folder)
                || !Files.isRegularFile(file) || !Files.isRegularFile(ownerFile(file))) {
            throw ApiException.notFound("plugin.export-not-found", "导出文件不存在", "No such export file");
        }
        try {
            String owner = Files.readString(ownerFile(file)).trim();
            if (!mayManage(caller, owner.isEmpty() ? null : owner)) {
                throw ApiException.notFound("plugin.export-not-found", "导出文件不存在", "No such export file");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the owner of " + file, e);
        }
        return file;
    }

    private static Path ownerFile(Path export) {
        return export.resolveSibling(export.getFileName() + ".owner");
    }

    /**
     * @return plugins installed through the platform and uninstalled since, whose data is kept; read
     *         from disk again only after a record or a plugin bundle changed (GET /api/plugins asks on every call)
     */
    public List<PluginDTO> uninstalledWithData() {
        long registryVersion = registry.version();
        long recordVersion = recordChanges.get();
        Path root = settings.pluginFolder();
        Kept known = kept;
        if (known != null && known.registryVersion() == registryVersion && known.recordVersion() == recordVersion
                && known.root().equals(root)) {
            return known.plugins();
        }
        List<PluginDTO> plugins = List.copyOf(readUninstalledWithData(root));
        kept = new Kept(root, registryVersion, recordVersion, plugins);
        return plugins;
    }

    private record Kept(Path root, long registryVersion, long recordVersion, List<PluginDTO> plugins) {
    }

    private List<PluginDTO> readUninstalledWithData(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<PluginDTO> kept = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                PluginRecord known = PluginRecord.read(folder);
                if (known != null && !known.installed() && bundleOf(known.pluginId()).isEmpty()) {
                    kept.add(new PluginDTO(known.pluginId(), known.name(), known.nameEn(), known.version(), null,
                            known.ownerUnit(), -1, known.symbolicName(), "UNINSTALLED", null));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}", root, e);
        }
        return kept;
    }

    private Bundle managedBundle(UnionPrincipal caller, String pluginId, String action) {
        Bundle bundle = bundleOf(pluginId).orElseThrow(() -> notFound(pluginId));
        requireMayManage(caller, blankToNull(bundle.getHeaders("").get(PluginHeaders.OWNER_UNIT)), pluginId, action);
        return bundle;
    }

    /** Operators and union administrators manage every plugin; a unit administrator only their units'. */
    boolean mayManage(UnionPrincipal caller, String ownerUnit) {
        if (caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.UNION_ADMIN)) {
            return true;
        }
        return ownerUnit != null && caller.hasRole(Roles.UNIT_ADMIN)
                && unitByCode(ownerUnit).map(unit -> access.canManageUnit(caller, unit.id())).orElse(false);
    }

    private void requireMayManage(UnionPrincipal caller, String ownerUnit, String pluginId, String action) {
        if (!mayManage(caller, ownerUnit)) {
            audit.denied(action, "Plugin", pluginId, "not the plugin's unit");
            throw ApiException.forbidden("plugin.not-your-unit", "只能管理本单位的插件", "You may only manage your own unit's plugins");
        }
    }

    private Optional<UnitDTO> unitByCode(String code) {
        return organisation.list(false).stream().filter(unit -> unit.code().equals(code)).findFirst();
    }

    private Optional<Bundle> bundleOf(String pluginId) {
        return Arrays.stream(context.getBundles()).filter(bundle -> pluginId.equals(pluginIdOf(bundle))).findFirst();
    }

    private static String pluginIdOf(Bundle bundle) {
        return blankToNull(bundle.getHeaders("").get(PluginHeaders.ID));
    }

    private static PluginRules.Installed describe(Bundle bundle) {
        return new PluginRules.Installed(pluginIdOf(bundle), bundle.getSymbolicName(), bundle.getVersion(),
                blankToNull(bundle.getHeaders("").get(PluginHeaders.OWNER_UNIT)), bundle.getLocation().startsWith(LOCATION_PREFIX));
    }

    private static PluginRecord record(Settings current, String pluginId) {
        if (!PluginRules.PLUGIN_ID.matcher(pluginId).matches()) {
            return null;
        }
        try {
            return PluginRecord.read(current.folder(pluginId));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the record of plugin " + pluginId, e);
        }
    }

    /** Records the plugin as installed now. */
    private void writeRecord(Settings current, PluginJar jar) {
        try {
            new PluginRecord(jar.pluginId(), jar.symbolicName(), jar.version().toString(), jar.ownerUnit(),
                    jar.header(PluginHeaders.NAME), jar.header(PluginHeaders.NAME_EN), true).write(current.folder(jar.pluginId()));
        } catch (IOException e) {
            LOG.warn("Record of plugin {} not written", jar.pluginId(), e);
        }
        recordChanges.incrementAndGet();
    }

    /** Deletes a folder and all it holds; nothing when it does not exist. */
    static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** Felix explains a resolution failure only when asked to start the bundle. */
    private static String resolutionFailure(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            bundle.stop(Bundle.STOP_TRANSIENT);
            return "unresolved";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(bundle);
        } catch (BundleException e) {
            LOG.warn("Bundle {} could not be uninstalled", bundle.getSymbolicName(), e);
        }
    }

    /** Refreshes the bundle and waits for it, so that the old revision is gone before we answer. */
    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(Set.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Refresh of {} took over 30 s", bundle.getSymbolicName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApiException notFound(String pluginId) {
        return ApiException.notFound("plugin.not-found", "插件不存在：" + pluginId, "No such plugin: " + pluginId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
