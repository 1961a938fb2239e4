package cn.edu.cumt.union.core.internal.plugin;

import java.util.Map;

import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** One {@code Import-Package} entry as a requirement, to ask the framework who could satisfy it. */
final class PackageRequirement implements Requirement {

    private final String packageName;
    private final VersionRange range;

    /** @param version the import's version attribute (a range or a floor), or {@code null} for any */
    PackageRequirement(String packageName, String version) {
        this.packageName = packageName;
        this.range = version == null || version.isBlank() ? null : VersionRange.valueOf(version.trim());
    }

    @Override
    public String getNamespace() {
        return PackageNamespace.PACKAGE_NAMESPACE;
    }

    @Override
    public Map<String, String> getDirectives() {
        String name = "(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + packageName + ")";
        String filter = range == null ? name : "(&" + name + range.toFilterString(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) + ")";
        return Map.of(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, filter);
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public Resource getResource() {
        return null;
    }

    String describe() {
        return packageName + (range == null ? "" : " " + range);
    }
}
