package cn.edu.cumt.union.core.internal.plugin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Plugin settings, in one file: {@code etc/cn.edu.cumt.union.plugins.cfg}. {@link PluginInstaller}
 * designates it; {@link UnitPluginDatabases} reads it too.
 */
@ObjectClassDefinition(name = "Union plugins", description = "What unit plugins may use, and where their data lives")
public @interface PluginConfig {

    String PID = "cn.edu.cumt.union.plugins";

    @AttributeDefinition(description = "Packages a unit plugin may import (a trailing .* also allows the package's subpackages); java.* is always allowed")
    String[] unit_allowed_imports() default { "cn.edu.cumt.union.api.*", "javax.ws.rs.*", "javax.persistence.*",
            "javax.annotation", "javax.annotation.security", "org.apache.aries.jpa.template", "org.slf4j",
            "com.fasterxml.jackson.annotation" };

    @AttributeDefinition(description = "JDBC URL of a unit plugin's own database; {data} is Karaf's data folder, {id} the plugin id")
    String unit_database_url() default "jdbc:derby:{data}/union/plugin-databases/{id};create=true";

    @AttributeDefinition(description = "Database user for unit plugins' databases (empty: none)")
    String unit_database_user() default "";

    @AttributeDefinition(description = "Database password for unit plugins' databases (empty: none)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String unit_database_password() default "";

    @AttributeDefinition(description = "Folder (relative to Karaf's data folder) where uploaded plugin jars and their records are kept")
    String plugin_folder() default "union/plugins";

    @AttributeDefinition(description = "Folder (relative to Karaf's data folder) where a purge writes the plugin's data before deleting it")
    String export_folder() default "union/plugin-exports";
}
