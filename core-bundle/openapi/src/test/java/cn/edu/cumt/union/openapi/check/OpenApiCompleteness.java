package cn.edu.cumt.union.openapi.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What a client can rely on in the document at {@code /api/openapi.json}: it validates (swagger-parser)
 * and every operation has a tag, a summary, a unique operation id that is not a collision suffix,
 * {@code x-union-roles}, a success answer with a schema (or a 204), error answers that carry the one
 * {@code Error} schema (401 and 403 when it needs a login; none needed only by an open operation with no
 * input), and binary and multipart bodies declared as binary.
 * Used by the build-time test over the core's document and by the itest over a running Karaf's.
 */
public final class OpenApiCompleteness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_REF = "#/components/schemas/Error";
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** Schemas that are CXF's or the JDK's own types, not the platform's. */
    private static final Set<String> FOREIGN = Set.of("MultipartBody", "Attachment", "DataHandler", "DataSource",
            "ContentDisposition", "MediaType", "InputStream", "MultivaluedMapStringString", "Response", "StreamingOutput");

    private OpenApiCompleteness() {
    }

    /** Every problem found, one sentence each; empty when the document is complete. */
    public static List<String> problems(String document, boolean absoluteServer) {
        List<String> problems = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(message -> problems.add("invalid: " + message));
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (Exception e) {
            problems.add("not JSON: " + e.getMessage());
            return problems;
        }
        String server = root.path("servers").path(0).path("url").asText("");
        if (server.isEmpty() || absoluteServer && !server.matches("https?://[^/]+/.*")) {
            problems.add("server url is not " + (absoluteServer ? "absolute" : "set") + ": '" + server + "'");
        }
        JsonNode schemas = root.path("components").path("schemas");
        JsonNode error = schemas.path("Error");
        if (error.isMissingNode() || error.path("required").size() < 4) {
            problems.add("no Error schema with its required fields");
        }
        schemas.fieldNames().forEachRemaining(name -> {
            if (FOREIGN.contains(name)) {
                problems.add("schema " + name + " is not the platform's");
            }
        });
        Set<String> tags = new HashSet<>();
        root.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        Map<String, String> ids = new HashMap<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext();) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                if (!VERBS.contains(verb.getKey())) {
                    continue;
                }
                operations++;
                String name = verb.getKey().toUpperCase() + " " + path.getKey();
                operation(name, verb.getValue(), tags, ids, problems);
            }
        }
        if (operations == 0) {
            problems.add("no operations");
        }
        return problems;
    }

    private static void operation(String name, JsonNode operation, Set<String> tags, Map<String, String> ids,
            List<String> problems) {
        if (operation.path("tags").size() == 0) {
            problems.add(name + ": no tag");
        }
        operation.path("tags").forEach(tag -> {
            if (!tags.contains(tag.asText())) {
                problems.add(name + ": tag " + tag.asText() + " is not listed under tags");
            }
        });
        if (operation.path("summary").asText("").isBlank()) {
            problems.add(name + ": no summary");
        }
        String id = operation.path("operationId").asText("");
        if (id.isBlank()) {
            problems.add(name + ": no operationId");
        } else if (id.matches(".*_\\d+$")) {
            problems.add(name + ": operationId " + id + " is a collision suffix");
        } else if (ids.put(id, name) != null) {
            problems.add(name + ": operationId " + id + " also names " + ids.get(id));
        }
        JsonNode roles = operation.path("x-union-roles");
        if (!roles.isArray()) {
            problems.add(name + ": no x-union-roles");
        }
        boolean anyone = false;
        for (JsonNode role : roles) {
            anyone |= "*".equals(role.asText());
        }
        // an open operation with no input (health, this document) has nothing a caller can get wrong
        boolean takesInput = operation.path("parameters").size() > 0 || operation.has("requestBody");
        responses(name, operation.path("responses"), anyone, anyone && !takesInput, problems);
        for (Iterator<Map.Entry<String, JsonNode>> types = operation.path("requestBody").path("content").fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            JsonNode schema = type.getValue().path("schema");
            if (schema.isMissingNode()) {
                problems.add(name + ": body " + type.getKey() + " has no schema");
            } else if (!type.getKey().contains("json") && !type.getKey().startsWith("multipart/")
                    && !"binary".equals(schema.path("format").asText())) {
                problems.add(name + ": body " + type.getKey() + " is not declared binary");
            } else if (type.getKey().startsWith("multipart/")) {
                if (schema.path("properties").size() == 0) {
                    problems.add(name + ": multipart body declares no fields");
                }
                schema.path("properties").fields().forEachRemaining(field -> {
                    if (!"binary".equals(field.getValue().path("format").asText())) {
                        problems.add(name + ": multipart field " + field.getKey() + " is not binary");
                    }
                });
            }
        }
    }

    private static void responses(String name, JsonNode responses, boolean anyone, boolean mayHaveNoErrors,
            List<String> problems) {
        boolean success = false;
        boolean errors = false;
        if (responses.has("default")) {
            problems.add(name + ": a 'default' answer instead of real statuses");
        }
        for (Iterator<Map.Entry<String, JsonNode>> answers = responses.fields(); answers.hasNext();) {
            Map.Entry<String, JsonNode> answer = answers.next();
            String status = answer.getKey();
            JsonNode content = answer.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if ("204".equals(status)) {
                    if (content.size() > 0) {
                        problems.add(name + ": 204 with content");
                    }
                } else if (content.size() == 0) {
                    problems.add(name + ": " + status + " has no schema");
                } else {
                    content.fields().forEachRemaining(type -> {
                        if (type.getValue().path("schema").isMissingNode()) {
                            problems.add(name + ": " + status + " " + type.getKey() + " has no schema");
                        }
                    });
                }
            } else if (status.startsWith("4")) {
                errors = true;
                String ref = content.path("application/json").path("schema").path("$ref").asText();
                if (!ERROR_REF.equals(ref)) {
                    problems.add(name + ": " + status + " does not carry the Error schema");
                }
            }
        }
        if (!success) {
            problems.add(name + ": no success answer");
        }
        if (!errors && !mayHaveNoErrors) {
            problems.add(name + ": no error answers");
        }
        if (!anyone && !(responses.has("401") && responses.has("403"))) {
            problems.add(name + ": needs a login but does not declare 401 and 403");
        }
    }
}
