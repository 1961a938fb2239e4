package cn.edu.cumt.union.openapi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import cn.edu.cumt.union.api.rest.ErrorDTO;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Builds the document with swagger-core's JAX-RS reader, then completes every operation from its
 * resource method: the roles that may call it ({@code x-union-roles}) and the bearer-token
 * requirement, a tag per core area or plugin, a stable operation id, a summary, the real success
 * answer and the error answers ({@link OperationDocs}), then required and nullable fields of the
 * DTOs ({@link SchemaDocs}). Clients, the build-time completeness test and the reliability suite's
 * access checks all read this one document.
 */
final class OpenApiBuilder {

    static final String ROLES_EXTENSION = "x-union-roles";
    private static final String BEARER = "bearer";

    private OpenApiBuilder() {
    }

    /** The core's resources only (no plugin prefix), with the relative server url. */
    static OpenAPI build(Set<Class<?>> resourceClasses) {
        return build(Map.of("", resourceClasses));
    }

    /** Applications by prefix, with the relative server url. */
    static OpenAPI build(Map<String, Set<Class<?>>> resourcesByPrefix) {
        return build(resourcesByPrefix, UnionRest.BASE_PATH);
    }

    /**
     * @param resourcesByPrefix resource classes by the path of their application below the server
     *                          url: {@code ""} for the core's, {@code "/study"} for plugin study's
     * @param serverUrl         where {@code /api} is, absolute when known ({@code http://host:8181/api})
     */
    static OpenAPI build(Map<String, Set<Class<?>>> resourcesByPrefix, String serverUrl) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("中国矿业大学智慧工会 CUMT Smart Union API").version("1")
                        .description("所有已安装的接口，含插件。Every endpoint installed right now, plugins included. "
                                + "x-union-roles: 可调用的角色 the roles that may call an operation (* = anyone)."))
                .addServersItem(new Server().url(serverUrl));
        base.schemaRequirement(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT"));
        base.setPaths(new Paths());
        Components components = base.getComponents();
        components.addSchemas(OperationDocs.ERROR_SCHEMA, errorSchema(components));
        Set<Class<?>> allResources = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> tags = new TreeSet<>();
        Map<Operation, Boolean> completed = new IdentityHashMap<>();
        for (Map.Entry<String, Set<Class<?>>> application : new TreeMap<>(resourcesByPrefix).entrySet()) {
            String prefix = application.getKey();
            // Each application is read on its own (its paths are relative to its base), then merged.
            OpenAPI part = new OpenAPI();
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(part).prettyPrint(true));
            Set<Class<?>> ordered = new TreeSet<>(Comparator.comparing(Class::getName));
            ordered.addAll(application.getValue());
            allResources.addAll(ordered);
            part = reader.read(ordered);
            if (part.getPaths() != null) {
                part.getPaths().forEach((path, item) -> base.getPaths().addPathItem(prefix + path, item));
            }
            if (part.getComponents() != null && part.getComponents().getSchemas() != null) {
                part.getComponents().getSchemas().forEach(components::addSchemas);
            }
            String pluginId = prefix.isEmpty() ? null : prefix.substring(1);
            for (Class<?> resource : ordered) {
                for (EndpointRoles.Endpoint endpoint : EndpointRoles.of(resource)) {
                    Operation operation = operation(base, endpoint.below(prefix));
                    if (operation == null) {
                        continue;
                    }
                    String tag = pluginId != null ? pluginId : firstSegment(endpoint.path());
                    tags.add(tag);
                    boolean first = completed.put(operation, Boolean.TRUE) == null;
                    if (first) {
                        // two methods on one path and verb (other media types) are one operation: the first names it
                        operation.setTags(List.of(tag));
                        operation.setOperationId(unique(operationId(pluginId, endpoint), endpoint, operationIds));
                        operation.addExtension(ROLES_EXTENSION, endpoint.roles());
                        if (!endpoint.isPublic()) {
                            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                        }
                        OperationDocs.complete(operation, endpoint.method(), components, endpoint.isPublic(),
                                endpoint.path(), endpoint.httpMethod());
                    } else {
                        OperationDocs.mergeBody(operation, endpoint.method(), components);
                    }
                }
            }
        }
        tags.forEach(tag -> base.addTagsItem(new Tag().name(tag)));
        SchemaDocs.complete(base, allResources);
        return base;
    }

    private static io.swagger.v3.oas.models.media.Schema<?> errorSchema(Components components) {
        OperationDocs.schemaOf(ErrorDTO.class, components);
        io.swagger.v3.oas.models.media.Schema<?> error = components.getSchemas().remove(ErrorDTO.class.getSimpleName());
        return error.description("错误 Error: status, code (e.g. request.field-missing), message (中文), messageEn, details");
    }

    private static Operation operation(OpenAPI openApi, EndpointRoles.Endpoint endpoint) {
        PathItem item = openApi.getPaths().get(endpoint.path());
        return item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.httpMethod().toUpperCase(Locale.ROOT)));
    }

    private static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String segment = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return segment.isEmpty() ? "platform" : segment;
    }

    /**
     * {@code memberSearch} for MemberResource.search, {@code me} for MeResource.me; in a plugin the id comes first and the class's
     * own plugin prefix is dropped: {@code studySessionList} for StudySessionResource.list in study.
     */
    static String operationId(String pluginId, EndpointRoles.Endpoint endpoint) {
        String stem = OperationDocs.classStem(endpoint.method().getDeclaringClass());
        // MeResource.me is "me", not "meMe"
        String method = endpoint.method().getName().equalsIgnoreCase(stem) ? "" : upperFirst(endpoint.method().getName());
        if (pluginId == null) {
            return lowerFirst(stem) + method;
        }
        String plugin = camel(pluginId);
        if (stem.toLowerCase(Locale.ROOT).startsWith(plugin.toLowerCase(Locale.ROOT)) && stem.length() > plugin.length()) {
            stem = stem.substring(plugin.length());
        }
        if (endpoint.method().getName().equalsIgnoreCase(stem)) {
            method = ""; // StudyReportResource.report in study is "studyReport"
        }
        return plugin + upperFirst(stem) + method;
    }

    /** Overloads of one name get their verb appended, then their parameter count; ids never get a counter. */
    private static String unique(String id, EndpointRoles.Endpoint endpoint, Set<String> taken) {
        String candidate = id;
        if (taken.contains(candidate)) {
            candidate = id + upperFirst(endpoint.httpMethod());
        }
        if (taken.contains(candidate)) {
            // the same name and verb twice (a plugin's overloads): the parameter count tells them apart
            candidate = candidate + "With" + endpoint.method().getParameterCount();
        }
        taken.add(candidate);
        return candidate;
    }

    private static String camel(String id) {
        List<String> words = new ArrayList<>(List.of(id.split("[^A-Za-z0-9]+")));
        StringBuilder out = new StringBuilder(words.remove(0).toLowerCase(Locale.ROOT));
        words.forEach(word -> out.append(upperFirst(word)));
        return out.toString();
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
