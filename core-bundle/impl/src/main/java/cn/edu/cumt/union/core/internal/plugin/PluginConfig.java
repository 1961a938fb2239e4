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

    @AttributeDefinition(description = "Types a unit plugin's classes may reference: a.b.* (the types of package a.b), a.b.** (and of its subpackages), a.b.C (one type, with its nested types); its own classes are always allowed")
    String[] unit_allowed_references() default { "cn.edu.cumt.union.api.**", "javax.ws.rs.**", "javax.persistence.**",
            "javax.annotation.**", "org.apache.aries.jpa.template.**", "org.slf4j.**", "com.fasterxml.jackson.annotation.**",
            "org.osgi.service.component.annotations.**", "org.osgi.service.metatype.annotations.**", "org.osgi.annotation.**",
            "java.lang.*", "java.lang.annotation.*", "java.util.**", "java.time.**", "java.math.**", "java.text.**",
            "java.io.Serializable", "java.io.IOException", "java.io.UncheckedIOException", "java.io.InputStream",
            "java.io.OutputStream", "java.io.ByteArrayInputStream", "java.io.ByteArrayOutputStream", "java.io.Closeable",
            "java.io.Reader", "java.io.StringReader", "java.io.Writer", "java.io.StringWriter" };

    @AttributeDefinition(description = "References refused although their type is allowed: a type pattern (the type, its members and its subtypes) or type#member, member being a name or name(descriptor, * a wildcard")
    String[] unit_denied_references() default {
            // sockets, and the one class that can swap the JAX-RS implementation
            "javax.ws.rs.client.**", "javax.ws.rs.ext.RuntimeDelegate",
            // native SQL, the JDBC connection and the provider underneath, an EntityManagerFactory of one's own
            "javax.persistence.EntityManager#createNativeQuery", "javax.persistence.EntityManager#createStoredProcedureQuery",
            "javax.persistence.EntityManager#createNamedStoredProcedureQuery", "javax.persistence.EntityManager#unwrap",
            "javax.persistence.EntityManager#getDelegate", "javax.persistence.EntityManagerFactory#unwrap",
            "javax.persistence.EntityManagerFactory#createEntityManager(*Ljava/util/Map;*", "javax.persistence.Query#unwrap",
            "javax.persistence.Cache#unwrap", "javax.persistence.NamedNativeQuery", "javax.persistence.NamedNativeQueries",
            "javax.persistence.SqlResultSetMapping", "javax.persistence.SqlResultSetMappings",
            "javax.persistence.NamedStoredProcedureQuery", "javax.persistence.NamedStoredProcedureQueries",
            // EclipseLink reads query hints and properties as settings, one of them SQL text put into the query (eclipselink.sql.hint)
            "javax.persistence.Query#setHint", "javax.persistence.QueryHint", "javax.persistence.EntityManager#setProperty",
            "javax.persistence.EntityManager#find(*Ljava/util/Map;*", "javax.persistence.EntityManager#refresh(*Ljava/util/Map;*",
            "javax.persistence.EntityManager#lock(*Ljava/util/Map;*", "javax.persistence.EntityManagerFactory#addNamedQuery",
            // a criteria function's name goes into the SQL as it is
            "javax.persistence.criteria.CriteriaBuilder#function",
            "javax.persistence.Persistence", "javax.persistence.spi.**",
            // reflection, class loading, threads, processes, the JVM's own settings
            "java.lang.Class#forName", "java.lang.Class#getDeclared*", "java.lang.Class#getMethod*", "java.lang.Class#getField*",
            "java.lang.Class#getConstructor*", "java.lang.Class#newInstance", "java.lang.Class#getClassLoader",
            "java.lang.Class#getResource*", "java.lang.Class#getModule", "java.lang.Class#getProtectionDomain",
            "java.lang.ClassLoader", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.Runtime", "java.lang.Process*",
            "java.lang.System#exit", "java.lang.System#load", "java.lang.System#loadLibrary", "java.lang.System#getenv",
            "java.lang.System#getProperty", "java.lang.System#getProperties", "java.lang.System#setProperty",
            "java.lang.System#setProperties", "java.lang.System#clearProperty", "java.lang.System#setIn",
            "java.lang.System#setOut", "java.lang.System#setErr", "java.lang.System#setSecurityManager",
            "java.lang.System#console", "java.lang.System#inheritedChannel", "java.lang.System#mapLibraryName",
            "java.lang.System#getLogger", "java.lang.Boolean#getBoolean", "java.lang.Integer#getInteger",
            "java.lang.Long#getLong", "java.lang.SecurityManager", "java.lang.StackWalker", "java.lang.Module",
            "java.lang.ModuleLayer", "java.lang.InheritableThreadLocal", "java.lang.Compiler",
            // work on threads of its own or on the shared pool
            "java.util.concurrent.Executors", "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.SubmissionPublisher", "java.util.concurrent.CompletableFuture#*Async",
            "java.util.concurrent.CompletableFuture#delayedExecutor", "java.util.concurrent.CompletableFuture#orTimeout",
            "java.util.concurrent.CompletableFuture#completeOnTimeout", "java.util.concurrent.ConcurrentHashMap#forEach(J*",
            "java.util.concurrent.ConcurrentHashMap#forEachKey", "java.util.concurrent.ConcurrentHashMap#forEachValue",
            "java.util.concurrent.ConcurrentHashMap#forEachEntry", "java.util.concurrent.ConcurrentHashMap#search*",
            "java.util.concurrent.ConcurrentHashMap#reduce*", "java.util.Collection#parallelStream",
            "java.util.stream.BaseStream#parallel", "java.util.stream.StreamSupport", "java.util.Arrays#parallel*",
            "java.util.Timer",
            // files, services, tools, global settings
            "java.util.ServiceLoader", "java.util.prefs.**", "java.util.spi.ToolProvider", "java.util.zip.ZipFile",
            "java.util.jar.JarFile", "java.util.logging.FileHandler", "java.util.logging.SocketHandler",
            "java.util.logging.LogManager", "java.util.Locale#setDefault", "java.util.TimeZone#setDefault",
            "java.time.zone.ZoneRulesProvider#registerProvider",
            // JSON that names the class to create
            "com.fasterxml.jackson.annotation.JsonTypeInfo$Id#CLASS", "com.fasterxml.jackson.annotation.JsonTypeInfo$Id#MINIMAL_CLASS" };

    @AttributeDefinition(description = "invokedynamic bootstrap methods a unit plugin's classes may use (type#member, * a wildcard): what javac emits for lambdas, string concatenation, records and switches")
    String[] unit_allowed_bootstraps() default { "java.lang.invoke.LambdaMetafactory#metafactory",
            "java.lang.invoke.LambdaMetafactory#altMetafactory", "java.lang.invoke.StringConcatFactory#makeConcatWithConstants",
            "java.lang.invoke.StringConcatFactory#makeConcat", "java.lang.runtime.ObjectMethods#bootstrap",
            "java.lang.runtime.SwitchBootstraps#*" };

    @AttributeDefinition(description = "Most entries a unit plugin's jar may hold")
    int unit_jar_max_entries() default 10_000;

    @AttributeDefinition(description = "Most bytes one entry of a unit plugin's jar may inflate to")
    long unit_jar_max_entry_bytes() default 32L << 20;

    @AttributeDefinition(description = "Most bytes a unit plugin's jar may inflate to in all")
    long unit_jar_max_total_bytes() default 128L << 20;

    @AttributeDefinition(description = "Most times an entry (over 1 MiB) or the whole jar may inflate beyond its compressed size")
    int unit_jar_max_ratio() default 100;

    @AttributeDefinition(description = "JDBC URL of a unit plugin's own database; {data} is Karaf's data folder, {id} the plugin id")
    String unit_database_url() default "jdbc:derby:{data}/union/plugin-databases/{id};create=true";

    @AttributeDefinition(description = "Database user for unit plugins' databases (empty: none)")
    String unit_database_user() default "";

    /** {@code .unit.database.password}: private (leading dot), so never a service property. */
    @AttributeDefinition(description = "Database password for unit plugins' databases (empty: none)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String _unit_database_password() default "";

    /** The key before it became private; still read, with a warning to rename it. */
    @AttributeDefinition(description = "Deprecated: visible as a service property; use .unit.database.password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String unit_database_password() default "";

    @AttributeDefinition(description = "PostgreSQL: JDBC URL of the administrative connection that gives every unit plugin its own schema and role union_plugin_<id> (empty: none, unit.database.user/password are used)")
    String unit_database_admin_url() default "";

    @AttributeDefinition(description = "PostgreSQL: the administrative connection's user (may create roles and schemas)")
    String unit_database_admin_user() default "";

    /** {@code .unit.database.admin.password}: private (leading dot), so never a service property. */
    @AttributeDefinition(description = "PostgreSQL: the administrative connection's password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String _unit_database_admin_password() default "";

    @AttributeDefinition(description = "Folder (relative to Karaf's data folder) where uploaded plugin jars and their records are kept")
    String plugin_folder() default "union/plugins";

    @AttributeDefinition(description = "Whether every unit plugin upload (not an operator's) waits for an operator's approval: the upload answers 202 with the check report, and an operator approves or rejects it (POST /api/plugin-reviews/<id>/approve or /reject, or union:plugin-review at the console). false: installed at once when every check passes")
    boolean unit_upload_review() default false;

    @AttributeDefinition(description = "Folder (relative to Karaf's data folder) where uploads waiting for review are kept")
    String review_folder() default "union/plugin-reviews";

    @AttributeDefinition(description = "Folder (relative to Karaf's data folder) where a purge writes the plugin's data before deleting it")
    String export_folder() default "union/plugin-exports";
}
