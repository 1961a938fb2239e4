package cn.edu.cumt.union.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the core once a bundle's schema migrations have run, with the service property
 * {@link #SCHEMA_ID}. Reference it to wait for your tables. Withdrawn when the bundle stops.
 */
@ProviderType
public interface SchemaReady {

    /** Service property: the schema id from the bundle's {@code Union-Schema-Id} header. */
    String SCHEMA_ID = "union.schema.id";

    /** @return the schema id */
    String schemaId();

    /** @return how many changesets were applied by this start (0 when already up to date) */
    int changesApplied();
}
