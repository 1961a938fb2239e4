package cn.edu.cumt.union.core.internal.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Version;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionRest;
import cn.edu.cumt.union.api.storage.Storage;

/**
 * What may be installed, by whom: the checks on an uploaded jar before anything of it reaches the
 * framework. Pure logic; the installer gives it the facts.
 *
 * <p>A unit plugin must stay inside its fence: its symbolic name in {@link PluginHeaders#UNIT_NAMESPACE},
 * imports only from the allowed packages (the core API, JAX-RS, JPA, logging: no JDBC, no OSGi
 * framework, no other bundle's internals), no fragments, exports or dynamic imports. What its
 * contents hold is checked by {@link UnitPluginFence}.
 */
final class PluginRules {

    /** Plugin ids are also schema ids and table-name prefixes. */
    static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9]{1,19}");

    /** A plugin already installed. */
    record Installed(String pluginId, String symbolicName, Version version, String ownerUnit, boolean uploaded) {
    }

    /** Who is uploading. */
    record Uploader(boolean operator, boolean unionAdmin, boolean managesOwnerUnit) {
    }

    /** What the upload will do. */
    enum Action {
        INSTALL, UPGRADE
    }

    private final List<String> allowedImports;

    /** @param allowedImports package names, or prefixes ending in {@code .*} that also match the package itself */
    PluginRules(List<String> allowedImports) {
        this.allowedImports = List.copyOf(allowedImports);
    }

    /**
     * @param ownerUnitExists whether the owner unit the jar names exists (ignored for the union's own plugins)
     * @param sameId          the installed plugin with the jar's plugin id, if any
     * @param sameName        the installed bundle with the jar's symbolic name, if it is a different plugin
     * @throws ApiException 403 when the uploader may not install it, 400 when the jar breaks a rule, 409
     *                      when it clashes with what is installed
     */
    Action check(PluginJar jar, Uploader uploader, boolean ownerUnitExists, Optional<Installed> sameId,
            Optional<Installed> sameName) {
        return check(jar, uploader, ownerUnitExists, sameId, sameName, List.of());
    }

    /**
     * @param contentProblems what {@link UnitPluginFence} found in the jar's contents; they count only
     *                        for a unit plugin
     */
    Action check(PluginJar jar, Uploader uploader, boolean ownerUnitExists, Optional<Installed> sameId,
            Optional<Installed> sameName, List<String> contentProblems) {
        if (!jar.unitPlugin() && !uploader.operator()) {
            throw ApiException.forbidden("plugin.operator-only", "只有平台运维人员可以安装校级插件（未声明所属单位）",
                    "Only platform operators install the union's own plugins (no owning unit declared)");
        }
        if (jar.unitPlugin() && !uploader.operator() && !uploader.unionAdmin() && !uploader.managesOwnerUnit()) {
            throw ApiException.forbidden("plugin.not-your-unit", "该插件属于单位 " + jar.ownerUnit() + "，您不是该单位的工会管理员",
                    "The plugin belongs to unit " + jar.ownerUnit() + ", which you do not administer");
        }
        List<String> problems = jar.unitPlugin() ? unitPluginProblems(jar, ownerUnitExists) : ownPluginProblems(jar);
        if (jar.unitPlugin()) {
            problems.addAll(contentProblems);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "plugin.refused", "插件不符合平台规则，未安装", "The plugin breaks the platform's rules and was not installed",
                    problems);
        }
        if (sameName.isPresent()) {
            throw ApiException.conflict("plugin.name-taken", "符号名 " + jar.symbolicName() + " 已被插件 " + sameName.get().pluginId() + " 使用",
                    "The symbolic name " + jar.symbolicName() + " is used by plugin " + sameName.get().pluginId());
        }
        if (sameId.isEmpty()) {
            return Action.INSTALL;
        }
        Installed installed = sameId.get();
        if (!installed.symbolicName().equals(jar.symbolicName()) || !equalOwner(installed.ownerUnit(), jar.ownerUnit())) {
            throw ApiException.conflict("plugin.id-taken", "插件标识 " + jar.pluginId() + " 已被其他插件使用",
                    "The plugin id " + jar.pluginId() + " is taken by another plugin (" + installed.symbolicName() + ")");
        }
        if (!installed.uploaded()) {
            throw ApiException.conflict("plugin.not-uploaded", "该插件由功能包或 deploy 目录安装，请用同样的方式升级",
                    "This plugin was installed by a feature or from deploy/: upgrade it the same way");
        }
        int order = jar.version().compareTo(installed.version());
        if (order < 0) {
            throw ApiException.conflict("plugin.downgrade", "已安装更高版本 " + installed.version() + "，不能降级到 " + jar.version(),
                    "Version " + installed.version() + " is installed: " + jar.version() + " would be a downgrade");
        }
        if (order == 0) {
            throw ApiException.conflict("plugin.same-version", "版本 " + jar.version() + " 已安装", "Version " + jar.version() + " is installed already");
        }
        return Action.UPGRADE;
    }

    private static boolean equalOwner(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private List<String> ownPluginProblems(PluginJar jar) {
        List<String> problems = new ArrayList<>();
        if (!PLUGIN_ID.matcher(jar.pluginId()).matches()) {
            problems.add(badId(jar));
        }
        if (UnionRest.RESERVED_IDS.contains(jar.pluginId())) {
            problems.add(reservedId(jar));
        }
        return problems;
    }

    List<String> unitPluginProblems(PluginJar jar, boolean ownerUnitExists) {
        List<String> problems = new ArrayList<>();
        if (!ownerUnitExists) {
            problems.add("所属单位 " + jar.ownerUnit() + " 不存在 / the owning unit " + jar.ownerUnit() + " does not exist");
        }
        if (!PLUGIN_ID.matcher(jar.pluginId()).matches()) {
            problems.add(badId(jar));
        }
        if (UnionRest.RESERVED_IDS.contains(jar.pluginId())) {
            problems.add(reservedId(jar));
        }
        if (!jar.symbolicName().startsWith(PluginHeaders.UNIT_NAMESPACE)) {
            problems.add("符号名必须以 " + PluginHeaders.UNIT_NAMESPACE + " 开头 / the symbolic name " + jar.symbolicName()
                    + " must start with " + PluginHeaders.UNIT_NAMESPACE);
        }
        String schemaId = jar.header(Storage.SCHEMA_ID_HEADER);
        if (schemaId != null && !schemaId.equals(jar.pluginId())) {
            problems.add("Union-Schema-Id 必须等于插件标识 / " + Storage.SCHEMA_ID_HEADER + " must equal the plugin id");
        }
        for (String header : List.of("Fragment-Host", "Require-Bundle", "DynamicImport-Package", "Bundle-NativeCode")) {
            if (jar.header(header) != null) {
                problems.add("不允许使用 " + header + " / " + header + " is not allowed in a unit plugin");
            }
        }
        if (!ManifestClauses.parse(jar.header("Export-Package")).names().isEmpty()) {
            problems.add("单位插件不能导出包 / a unit plugin exports no packages");
        }
        for (String imported : ManifestClauses.parse(jar.header("Import-Package")).names()) {
            if (!importAllowed(imported)) {
                problems.add("不允许导入包 " + imported + " / the package " + imported + " may not be imported by a unit plugin");
            }
        }
        return problems;
    }

    boolean importAllowed(String packageName) {
        if (packageName.equals("java") || packageName.startsWith("java.")) {
            return true;
        }
        for (String allowed : allowedImports) {
            if (allowed.endsWith(".*")) {
                String base = allowed.substring(0, allowed.length() - 2);
                if (packageName.equals(base) || packageName.startsWith(base + ".")) {
                    return true;
                }
            } else if (packageName.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static String reservedId(PluginJar jar) {
        return "插件标识 " + jar.pluginId() + " 是平台保留的路径 / the plugin id " + jar.pluginId()
                + " is a path the platform keeps for itself (/api/" + jar.pluginId() + ")";
    }

    private static String badId(PluginJar jar) {
        return "插件标识须为 2–20 位小写字母或数字、以字母开头 / the plugin id " + jar.pluginId()
                + " must be 2-20 lower-case letters or digits, starting with a letter";
    }
}
