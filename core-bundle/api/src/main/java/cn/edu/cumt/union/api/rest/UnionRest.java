package cn.edu.cumt.union.api.rest;

/** Names shared by the core's JAX-RS application and every resource that joins it. */
public final class UnionRest {

    /** {@code osgi.jaxrs.name} of the platform's application. */
    public static final String APPLICATION_NAME = "union";

    /** Filter that selects the platform's application. */
    public static final String APPLICATION_FILTER = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** Base path of the application: every resource answers below it. */
    public static final String BASE_PATH = "/api";

    private UnionRest() {
    }
}
