package cn.edu.cumt.union.api.storage;

/**
 * How a bundle that owns data is wired to the platform's storage.
 *
 * <ul>
 * <li>Its {@code persistence.xml} names a RESOURCE_LOCAL unit {@code union-<id>} on the shared
 * DataSource {@link #DATA_SOURCE}, and lists its entities; it never asks EclipseLink to create or
 * drop tables.</li>
 * <li>Its manifest header {@link #CHANGELOG_HEADER} names a Liquibase changelog inside the bundle;
 * {@link #SCHEMA_ID_HEADER} names its schema id. The core runs the changelog when the bundle starts,
 * records the applied changes in the table {@code DBCL<ID>}, and then registers a
 * {@link SchemaReady} service with {@link SchemaReady#SCHEMA_ID} set.</li>
 * <li>Components that use the persistence unit reference that service, so they never run before
 * their tables exist: {@code @Reference(target = "(union.schema.id=study)") SchemaReady schema}.</li>
 * </ul>
 *
 * A unit's own plugin (manifest header {@code Union-Plugin-Unit}) does not share the platform's
 * database: the core gives it a database of its own, published as the DataSource
 * {@link #unitPluginDataSource(String) union-plugin-<id>}, which its {@code persistence.xml} must name.
 * It sees no other DataSource and no other persistence unit.
 */
public final class Storage {

    /** JNDI name of the platform's DataSource: {@code osgi.jndi.service.name=union}. */
    public static final String DATA_SOURCE = "union";

    /** Manifest header: path of the bundle's Liquibase changelog, e.g. {@code db/changelog.xml}. */
    public static final String CHANGELOG_HEADER = "Union-Schema-Changelog";

    /** Manifest header: the schema id, lower-case letters and digits, e.g. {@code study}. */
    public static final String SCHEMA_ID_HEADER = "Union-Schema-Id";

    /** Prefix of the JNDI name of a unit plugin's own DataSource. */
    public static final String UNIT_PLUGIN_DATA_SOURCE_PREFIX = "union-plugin-";

    /** @return the JNDI name of the DataSource of the unit plugin with this id, e.g. {@code union-plugin-familyday} */
    public static String unitPluginDataSource(String pluginId) {
        return UNIT_PLUGIN_DATA_SOURCE_PREFIX + pluginId;
    }

    private Storage() {
    }
}
