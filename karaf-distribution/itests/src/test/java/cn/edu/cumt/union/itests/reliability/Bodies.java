package cn.edu.cumt.union.itests.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.edu.cumt.union.itests.Fixtures;

/**
 * Request bodies and query strings made from the OpenAPI schemas: a plausible one per operation (for
 * the access matrix), and the catalogue of bad ones (for the bad-input check).
 */
final class Bodies {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=UTF-8";
    /** Above the core's default limit of 20 MiB (RequestGuard max.body.bytes). */
    static final int OVERSIZED_BODY = 20 * 1024 * 1024 + 4096;
    static final int LONG_STRING = 100_000;
    static final List<String> FRAGMENTS = List.of("' OR '1'='1' --", "1; DROP TABLE UNION_MEMBER; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd");

    /** A member file that can never be applied (its unit does not exist): a dry run reports it, applying it writes nothing. */
    static final String UNAPPLICABLE_CSV = Fixtures.MEMBER_HEADER
            + "RLQ001,无效,M,1980-01-02,13700000097,rlq@cumt.edu.cn,NO-SUCH-UNIT,ACTIVE,\n";

    /** One bad request: what it is, and the parts to send. */
    record Bad(String what, String pathAndQuery, String contentType, byte[] body, boolean mustBe4xx, boolean chunked) {

        Bad(String what, String pathAndQuery, String contentType, byte[] body, boolean mustBe4xx) {
            this(what, pathAndQuery, contentType, body, mustBe4xx, false);
        }
    }

    private final JsonNode schemas;
    private final World world;

    Bodies(JsonNode schemas, World world) {
        this.schemas = schemas;
        this.world = world;
    }

    // ---- plausible requests ----

    /** The path with its parameter filled by the record of unit A (or a fixed id) and plausible query values. */
    String plausiblePath(ApiOperation operation, String id) {
        String path = "/api" + operation.path().replaceAll("\\{[^}]+}", id == null ? "" : id);
        List<String> query = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.query()) {
            String value = switch (parameter.name()) {
            case "dryRun" -> "true";
            case "format" -> operation.bodyTypes().contains("text/csv") ? "csv" : null;
            case "from", "to" -> LocalDate.now().toString();
            case "role" -> "unit-admin";
            case "unitId" -> Long.toString(world.unitA);
            default -> null;
            };
            if (value != null) {
                query.add(parameter.name() + "=" + value);
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A body that has every field, of the right type, with values that mostly make sense. */
    JsonNode plausible(JsonNode schema, String field) {
        JsonNode resolved = ApiOperation.resolve(schema, schemas);
        String type = resolved.path("type").asText("object");
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        switch (type) {
        case "object": {
            ObjectNode object = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                object.set(property.getKey(), plausible(property.getValue(), property.getKey()));
            }
            return object;
        }
        case "array": {
            ArrayNode array = JSON.createArrayNode();
            JsonNode items = ApiOperation.resolve(resolved.path("items"), schemas);
            if ("integer".equals(items.path("type").asText())) {
                array.add(plausible(items, field));
            }
            return array;
        }
        case "integer":
        case "number":
            return JSON.getNodeFactory().numberNode(plausibleNumber(field));
        case "boolean":
            return JSON.getNodeFactory().booleanNode(false);
        default:
            return JSON.getNodeFactory().textNode(plausibleText(field, resolved.path("format").asText()));
        }
    }

    private long plausibleNumber(String field) {
        String name = field == null ? "" : field.toLowerCase();
        if (name.contains("unit") || name.contains("parent")) {
            return world.unitA;
        }
        if (name.contains("member")) {
            return world.victimMember;
        }
        return 1;
    }

    private static String plausibleText(String field, String format) {
        Instant soon = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        if ("date-time".equals(format)) {
            return (field != null && field.startsWith("end") ? soon.plusSeconds(3600) : soon).toString();
        }
        if ("date".equals(format)) {
            return "1990-01-01";
        }
        String name = field == null ? "" : field;
        return switch (name) {
        case "password", "newPassword" -> "Plausible-Pass-2026";
        case "oldPassword" -> "not-the-password";
        case "username" -> "rlplausible";
        case "role" -> "unit-admin";
        case "code" -> "000000";
        case "staffNo" -> "RLP001";
        case "email" -> "rlp@cumt.edu.cn";
        case "phone" -> "13700000099";
        case "gender" -> "M";
        default -> "可靠性 plausible";
        };
    }

    /** The body to send with a plausible request, and its content type; null when the operation takes none. */
    Bad plausibleRequest(ApiOperation operation, String id) {
        String path = plausiblePath(operation, id);
        if (operation.takesJson()) {
            return new Bad("plausible", path, JSON_TYPE, bytes(plausible(operation.jsonBody(), null)), false);
        }
        if (operation.bodyTypes().contains("text/csv")) {
            String csv = Fixtures.MEMBER_HEADER + "RLP002,合理,M,1980-01-02,13700000098,rlp2@cumt.edu.cn,RLA,ACTIVE,\n";
            return new Bad("plausible", path, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8), false);
        }
        return new Bad("plausible", path, null, null, false);
    }

    // ---- the bad-input catalogue ----

    /**
     * Every bad request for one operation. Bodies that could be valid apart from their strings aim at
     * records that do not exist, so that none of them may write anything.
     */
    List<Bad> catalogue(ApiOperation operation, String recordId) {
        List<Bad> bad = new ArrayList<>();
        boolean hasId = operation.recordKind() != null;
        String real = plausiblePath(operation, recordId);
        String unknown = plausiblePath(operation, Long.toString(World.UNKNOWN_ID));
        if (hasId) {
            for (String id : List.of(Long.toString(World.UNKNOWN_ID), "-1", "0", "abc", "99999999999999999999999", "%00",
                    "%FF%FE", "1%27%20OR%20%271%27%3D%271")) {
                bad.add(new Bad("path id " + id, plausiblePath(operation, id), operation.takesJson() ? JSON_TYPE : null,
                        operation.takesJson() ? bytes(plausible(operation.jsonBody(), null)) : null, true));
            }
        }
        for (ApiOperation.Parameter parameter : operation.query()) {
            for (String value : List.of("-1", "abc", "99999999999999999999999", "%FF%FE", "%27%20OR%20%271%27%3D%271",
                    "%3Cscript%3E", "x".repeat(4_000))) {
                String base = hasId ? unknown : real;
                String path = base.replaceAll("([?&])" + parameter.name() + "=[^&]*&?", "$1");
                path = path + (path.contains("?") ? (path.endsWith("?") || path.endsWith("&") ? "" : "&") : "?")
                        + parameter.name() + "=" + value;
                Bad plausible = plausibleRequest(operation, null);
                boolean csv = plausible.contentType() != null && plausible.contentType().startsWith("text/csv");
                byte[] body = csv ? UNAPPLICABLE_CSV.getBytes(StandardCharsets.UTF_8) : plausible.body();
                // a GET with a strange filter may well answer 200 with nothing found
                bad.add(new Bad("query " + parameter.name() + "=" + abbreviate(value), path, plausible.contentType(),
                        body, !"get".equals(operation.method())));
            }
        }
        if (operation.takesJson()) {
            JsonNode plausible = plausible(operation.jsonBody(), null);
            String target = hasId ? real : unknown;
            bad.add(json("malformed JSON", target, "{\"a\":"));
            bad.add(json("not an object", target, "[1,2,3]"));
            bad.add(json("a bare string", target, "\"hello\""));
            bad.add(json("trailing garbage", target, bytesString(plausible) + " }}"));
            bad.add(new Bad("JSON as text/plain", target, "text/plain", bytes(plausible), true));
            bad.add(new Bad("invalid UTF-8", target, JSON_TYPE, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3,
                    (byte) 0x28, (byte) 0xFF, '"', '}' }, true));
            if (plausible.isObject()) {
                ObjectNode extra = plausible.deepCopy();
                extra.put("zzUnknownField", 1);
                bad.add(new Bad("extra field", target, JSON_TYPE, bytes(extra), true));
                for (Iterator<String> fields = plausible.fieldNames(); fields.hasNext();) {
                    String field = fields.next();
                    ObjectNode wrong = plausible.deepCopy();
                    wrong.set(field, wrongType(plausible.get(field)));
                    bad.add(new Bad("wrong type " + field, target, JSON_TYPE, bytes(wrong), true));
                }
                // From here on the values are well-formed: aim at nothing that exists.
                String nowhere = hasId ? unknown : real;
                if (hasId) {
                    bad.add(json("empty body", nowhere, "")); // may be valid: some bodies are optional
                }
                bad.add(new Bad("missing fields", nowhere, JSON_TYPE, bytes(withNumbers(JSON.createObjectNode(), -1)), true));
                if (hasId || hasNumbers(plausible)) {
                    // without a number to aim at nothing, such a body could be a valid request
                    bad.add(new Bad("negative ids", nowhere, JSON_TYPE, bytes(withNumbers(plausible.deepCopy(), -1)), true));
                    bad.add(new Bad("unknown ids", nowhere, JSON_TYPE,
                            bytes(withNumbers(plausible.deepCopy(), World.UNKNOWN_ID)), true));
                }
                bad.add(stringsEverywhere("oversized strings", nowhere, plausible, s -> "长".repeat(LONG_STRING)));
                bad.add(stringsEverywhere("lone surrogate", nowhere, plausible, s -> "a\uD800b"));
                bad.add(stringsEverywhere("NUL and controls", nowhere, plausible, s -> "a\u0000b\u001Bc"));
                for (String fragment : FRAGMENTS) {
                    bad.add(stringsEverywhere("fragment " + abbreviate(fragment), nowhere, plausible, s -> fragment));
                }
            }
            byte[] huge = new byte[OVERSIZED_BODY];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '{';
            huge[huge.length - 1] = '}';
            bad.add(new Bad("oversized body", target, JSON_TYPE, huge, true));
            // no Content-Length: only counting while reading finds it too large
            bad.add(new Bad("oversized chunked body", target, JSON_TYPE, huge, true, true));
        }
        if (operation.bodyTypes().contains("multipart/form-data")) {
            byte[] noise = "not a multipart body at all".getBytes(StandardCharsets.UTF_8);
            bad.add(new Bad("multipart without boundary", real, "multipart/form-data", noise, true));
            bad.add(new Bad("multipart with another boundary", real, "multipart/form-data; boundary=nowhere", noise, true));
            // a well-formed upload whose one file is too large: only counting while reading finds it
            byte[] head = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jar\"\r\n"
                    + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\r\n--x--\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] upload = new byte[head.length + OVERSIZED_BODY + tail.length];
            java.util.Arrays.fill(upload, (byte) 'a');
            System.arraycopy(head, 0, upload, 0, head.length);
            System.arraycopy(tail, 0, upload, upload.length - tail.length, tail.length);
            bad.add(new Bad("oversized chunked multipart", real, "multipart/form-data; boundary=x", upload, true, true));
        }
        if (operation.bodyTypes().contains("text/csv")) {
            byte[] huge = new byte[OVERSIZED_BODY];
            java.util.Arrays.fill(huge, (byte) 'a');
            bad.add(new Bad("oversized chunked file", real, "text/csv; charset=UTF-8", huge, true, true));
        }
        return bad;
    }

    /** Every string replaced, every number aimed at nothing; only the strings are under test. */
    private Bad stringsEverywhere(String what, String path, JsonNode plausible, Function<String, String> value) {
        ObjectNode body = withNumbers(plausible.deepCopy(), World.UNKNOWN_ID);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                field.setValue(JSON.getNodeFactory().textNode(value.apply(field.getValue().asText())));
            }
        }
        return new Bad(what, path, JSON_TYPE, bytes(body), true);
    }

    private static ObjectNode withNumbers(JsonNode node, long value) {
        ObjectNode object = node.isObject() ? (ObjectNode) node : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNumber()) {
                field.setValue(JSON.getNodeFactory().numberNode(value));
            } else if (field.getValue().isArray()) {
                ArrayNode array = JSON.createArrayNode();
                field.getValue().forEach(item -> array.add(item.isNumber() ? JSON.getNodeFactory().numberNode(value) : item));
                field.setValue(array);
            }
        }
        return object;
    }

    private static boolean hasNumbers(JsonNode object) {
        for (JsonNode value : object) {
            if (value.isNumber() || value.isArray() && value.size() > 0 && value.get(0).isNumber()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isNumber()) {
            return JSON.getNodeFactory().textNode("not-a-number");
        }
        if (value.isBoolean()) {
            return JSON.getNodeFactory().textNode("perhaps");
        }
        if (value.isArray()) {
            return JSON.getNodeFactory().textNode("not-a-list");
        }
        return JSON.createObjectNode().put("nested", "object");
    }

    private static Bad json(String what, String path, String text) {
        return new Bad(what, path, JSON_TYPE, text.getBytes(StandardCharsets.UTF_8), true);
    }

    static byte[] bytes(JsonNode node) {
        return bytesString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String bytesString(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "...(" + value.length() + ")" : value;
    }
}
