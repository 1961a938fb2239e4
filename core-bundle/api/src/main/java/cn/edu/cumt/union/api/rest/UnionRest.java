package cn.edu.cumt.union.api.rest;

import java.util.Set;

/**
 * Names shared by the platform's JAX-RS applications and the resources that join them.
 *
 * <p>The core serves its own resources in one application at {@link #BASE_PATH} and gives every
 * plugin an application of its own at {@code /api/<plugin-id>}: a plugin only marks its resources
 * ({@link UnionResource}), it never chooses its base path or its extensions, and installing or
 * removing one plugin rebuilds only that plugin's application.
 */
public final class UnionRest {

    /** Service property of a resource that joins its bundle's application ({@link UnionResource}). */
    public static final String RESOURCE_PROPERTY = "union.resource";

    /** Service property of every application the core publishes; the shared extensions select it. */
    public static final String APPLICATION_PROPERTY = "union.application";

    /** Filter that selects every application the core publishes. */
    public static final String APPLICATION_FILTER = "(" + APPLICATION_PROPERTY + "=true)";

    /** {@code osgi.jaxrs.name} of the core's own application. */
    public static final String APPLICATION_NAME = "union";

    /** Base path of the core's application; a plugin's application is at {@code BASE_PATH/<plugin-id>}. */
    public static final String BASE_PATH = "/api";

    /**
     * Plugin ids that can never be used: the core's own paths below {@link #BASE_PATH} and a few
     * kept for what is to come, so that no plugin can stand in front of a core endpoint.
     */
    public static final Set<String> RESERVED_IDS = Set.of("accounts", "admin", "api", "audit", "auth", "ballots", "core",
            "cxf", "docs", "duties", "files", "health", "me", "members", "metrics", "notifications", "openapi",
            "platform", "plugins", "reports", "scorecard", "static", "system", "tasks", "ui", "union", "units", "web");

    /** @return {@code osgi.jaxrs.name} of a plugin's application */
    public static String pluginApplicationName(String pluginId) {
        return APPLICATION_NAME + ".plugin." + pluginId;
    }

    /** @return the base path of a plugin's application, {@code /api/<plugin-id>} */
    public static String pluginBasePath(String pluginId) {
        return BASE_PATH + "/" + pluginId;
    }

    private UnionRest() {
    }
}
