package cn.edu.cumt.union.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The settings central IT makes to run the platform on PostgreSQL (README "PostgreSQL"), as Pax Exam
 * options over the distribution's etc/: configuration only. The boot features gain pax-jdbc-postgresql
 * (see {@link UnionKarafTestSupport#bootFeaturesWith}).
 */
public final class OnPostgres {

    public static final String DRIVER_FEATURE = "pax-jdbc-postgresql";
    public static final String DRIVER_NAME = "PostgreSQL JDBC Driver";
    /** Inside the container: the server's port, for the tests that connect to it themselves. */
    public static final String PORT_PROPERTY = "union.itests.postgres.port";

    static final String DATASOURCE = "org.ops4j.datasource-union";
    static final String PLUGINS = "cn.edu.cumt.union.plugins";

    private OnPostgres() {
    }

    /** Started in the driver JVM (once for the whole run); never inside the container. */
    public static Option settings() {
        PostgresServer server = PostgresServer.get();
        List<Option> options = new ArrayList<>();
        // the platform's DataSource (etc/org.ops4j.datasource-union.cfg)
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "osgi.jdbc.driver.name"), DRIVER_NAME));
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "url"), server.url(PostgresServer.DATABASE)));
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "user"), PostgresServer.USER));
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "password"), PostgresServer.PASSWORD));
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "jdbc.pool.maxTotal"), "16"));
        options.add(UnionKarafTestSupport.set(new CfgKey(DATASOURCE, "jdbc.pool.maxIdle"), "16"));
        // unit plugins: one schema and one role each, made through the administrative connection
        options.add(UnionKarafTestSupport.set(new CfgKey(PLUGINS, "driver.target"), "(osgi.jdbc.driver.name=" + DRIVER_NAME + ")"));
        options.add(UnionKarafTestSupport.set(new CfgKey(PLUGINS, "unit.database.url"),
                server.url(PostgresServer.DATABASE) + "?currentSchema=union_plugin_{id}"));
        options.add(UnionKarafTestSupport.set(new CfgKey(PLUGINS, "unit.database.admin.url"), server.url(PostgresServer.DATABASE)));
        options.add(UnionKarafTestSupport.set(new CfgKey(PLUGINS, "unit.database.admin.user"), PostgresServer.ADMIN_USER));
        options.add(UnionKarafTestSupport.set(new CfgKey(PLUGINS, ".unit.database.admin.password"), PostgresServer.ADMIN_PASSWORD));
        options.add(systemProperty(PORT_PROPERTY).value(Integer.toString(server.port())));
        return composite(options.toArray(new Option[0]));
    }
}
