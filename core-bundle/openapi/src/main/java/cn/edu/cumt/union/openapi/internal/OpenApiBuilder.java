package cn.edu.cumt.union.openapi.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Builds the document with swagger-core's JAX-RS reader, then adds to every operation the roles
 * that may call it ({@code x-union-roles}) and the bearer-token requirement, so that clients and
 * the access-matrix checks of the reliability suite read both from one place.
 */
final class OpenApiBuilder {

    static final String ROLES_EXTENSION = "x-union-roles";
    private static final String BEARER = "bearer";

    private OpenApiBuilder() {
    }

    /** The core's resources only (no plugin prefix). */
    static OpenAPI build(Set<Class<?>> resourceClasses) {
        return build(Map.of("", resourceClasses));
    }

    /**
     * @param resourcesByPrefix resource classes by the path of their application below the server
     *                          url: {@code ""} for the core's, {@code "/study"} for plugin study's
     */
    static OpenAPI build(Map<String, Set<Class<?>>> resourcesByPrefix) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("中国矿业大学智慧工会 CUMT Smart Union API").version("1")
                        .description("所有已安装的接口，含插件。Every endpoint installed right now, plugins included."))
                .addServersItem(new Server().url(UnionRest.BASE_PATH));
        base.schemaRequirement(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT"));
        base.setPaths(new Paths());
        for (Map.Entry<String, Set<Class<?>>> application : new TreeMap<>(resourcesByPrefix).entrySet()) {
            String prefix = application.getKey();
            // Each application is read on its own (its paths are relative to its base), then merged.
            OpenAPI part = new OpenAPI();
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(part).prettyPrint(true));
            Set<Class<?>> ordered = new TreeSet<>(Comparator.comparing(Class::getName));
            ordered.addAll(application.getValue());
            part = reader.read(ordered);
            if (part.getPaths() != null) {
                part.getPaths().forEach((path, item) -> base.getPaths().addPathItem(prefix + path, item));
            }
            if (part.getComponents() != null && part.getComponents().getSchemas() != null) {
                part.getComponents().getSchemas().forEach(base.getComponents()::addSchemas);
            }
            if (part.getTags() != null) {
                part.getTags().forEach(tag -> {
                    if (base.getTags() == null || base.getTags().stream().noneMatch(known -> known.getName().equals(tag.getName()))) {
                        base.addTagsItem(tag);
                    }
                });
            }
            for (Class<?> resource : ordered) {
                for (EndpointRoles.Endpoint endpoint : EndpointRoles.of(resource)) {
                    annotate(base, new EndpointRoles.Endpoint(endpoint.httpMethod(), prefix + endpoint.path(), endpoint.roles()));
                }
            }
        }
        return base;
    }

    private static void annotate(OpenAPI openApi, EndpointRoles.Endpoint endpoint) {
        if (openApi.getPaths() == null) {
            return;
        }
        PathItem item = openApi.getPaths().get(endpoint.path());
        if (item == null) {
            return;
        }
        Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
        Operation operation = operations.get(PathItem.HttpMethod.valueOf(endpoint.httpMethod().toUpperCase()));
        if (operation == null) {
            return;
        }
        operation.addExtension(ROLES_EXTENSION, endpoint.roles());
        if (!endpoint.roles().equals(List.of("*"))) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }
}
