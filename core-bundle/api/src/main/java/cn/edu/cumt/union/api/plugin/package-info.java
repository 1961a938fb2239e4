/** How a bundle declares itself a union plugin, and what the platform reports about it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package cn.edu.cumt.union.api.plugin;
