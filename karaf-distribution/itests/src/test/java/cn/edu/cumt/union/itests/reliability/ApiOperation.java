package cn.edu.cumt.union.itests.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document at GET /api/openapi.json: what the checks need to call it
 * (method, path template, query parameters, request body) and who may ({@code x-union-roles}).
 */
record ApiOperation(String method, String path, List<String> roles, List<Parameter> query, JsonNode jsonBody,
        List<String> bodyTypes) {

    static final String ROLES = "x-union-roles";
    static final String ANYONE = "*";

    /** A query parameter: name and schema. */
    record Parameter(String name, JsonNode schema) {
    }

    boolean isPublic() {
        return roles.contains(ANYONE);
    }

    /** Whether any of these roles may call it, by its declaration alone. */
    boolean allows(List<String> callerRoles) {
        return isPublic() || callerRoles.stream().anyMatch(roles::contains);
    }

    /** The literal segment before the first path parameter ("members" for /members/{id}/status), or null. */
    String recordKind() {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                return segments[i - 1];
            }
        }
        return null;
    }

    boolean takesJson() {
        return jsonBody != null;
    }

    @Override
    public String toString() {
        return method.toUpperCase() + " " + path;
    }

    /** Every operation of the document, schemas of JSON bodies resolved; fails on an operation without roles. */
    static List<ApiOperation> read(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                if (!operation.has(ROLES)) {
                    throw new AssertionError(method.getKey() + " " + path.getKey() + " declares no " + ROLES);
                }
                List<String> roles = new ArrayList<>();
                operation.path(ROLES).forEach(role -> roles.add(role.asText()));
                List<Parameter> query = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(new Parameter(parameter.path("name").asText(), parameter.path("schema")));
                    }
                }
                JsonNode content = operation.path("requestBody").path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                JsonNode json = content.has("application/json")
                        ? resolve(content.path("application/json").path("schema"), schemas) : null;
                operations.add(new ApiOperation(method.getKey(), path.getKey(), List.copyOf(roles), query, json, types));
            }
        }
        return operations;
    }

    /** Follows {@code $ref} to components/schemas, one level (DTO properties are resolved when used). */
    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
