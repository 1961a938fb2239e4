package cn.edu.cumt.union.openapi.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;

import cn.edu.cumt.union.api.rest.ErrorDTO;
import cn.edu.cumt.union.api.rest.Nullable;
import cn.edu.cumt.union.api.rest.RestDoc;

/**
 * Required and nullable fields of the DTO schemas, from the records behind them: a component marked
 * {@link Nullable} is nullable and not required, every other one is required. Then drops the schemas
 * no operation refers to (CXF's multipart and stream types the reader met in signatures).
 */
final class SchemaDocs {

    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    private SchemaDocs() {
    }

    static void complete(OpenAPI openApi, Set<Class<?>> resources) {
        Map<String, Class<?>> records = records(resources);
        records.put(OperationDocs.ERROR_SCHEMA, ErrorDTO.class);
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Class<?> type = recordFor(entry.getKey(), records);
            if (type != null) {
                describe(entry.getValue(), type);
            }
        }
        prune(openApi);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void describe(Schema schema, Class<?> record) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (component.isAnnotationPresent(Nullable.class)) {
                if (property.get$ref() != null) {
                    // a $ref cannot carry nullable beside it in OpenAPI 3.0: wrap it
                    properties.put(component.getName(), new ComposedSchema().addAllOfItem(new Schema<>().$ref(property.get$ref()))
                            .nullable(true));
                } else {
                    property.setNullable(true);
                }
            } else {
                required.add(component.getName());
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    /** The record a schema was made from: by simple name, or a generic record's name then its arguments' ("PageDTOMemberDTO"). */
    private static Class<?> recordFor(String schemaName, Map<String, Class<?>> records) {
        Class<?> exact = records.get(schemaName);
        if (exact != null) {
            return exact;
        }
        Class<?> best = null;
        for (Map.Entry<String, Class<?>> entry : records.entrySet()) {
            if (entry.getValue().getTypeParameters().length > 0 && schemaName.startsWith(entry.getKey())
                    && (best == null || entry.getKey().length() > best.getSimpleName().length())) {
                best = entry.getValue();
            }
        }
        return best;
    }

    /** Every record reachable from the resources' signatures, by simple name. */
    private static Map<String, Class<?>> records(Set<Class<?>> resources) {
        Map<String, Class<?>> records = new HashMap<>();
        Deque<Type> todo = new ArrayDeque<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                todo.add(method.getGenericReturnType());
                for (Type parameter : method.getGenericParameterTypes()) {
                    todo.add(parameter);
                }
                RestDoc doc = method.getAnnotation(RestDoc.class);
                if (doc != null) {
                    todo.add(doc.entity());
                }
            }
        }
        Set<Type> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType parameterized) {
                todo.add(parameterized.getRawType());
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType array) {
                todo.add(array.getGenericComponentType());
            } else if (type instanceof Class<?> plain && plain.isRecord()) {
                records.putIfAbsent(plain.getSimpleName(), plain);
                for (RecordComponent component : plain.getRecordComponents()) {
                    todo.add(component.getGenericType());
                }
            } else if (type instanceof Class<?> plain && plain.isArray()) {
                todo.add(plain.getComponentType());
            }
        }
        return records;
    }

    /** Keeps the schemas that the operations refer to, directly or through other schemas. */
    private static void prune(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> kept = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(refs(Json.pretty(openApi.getPaths())));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (kept.add(name) && schemas.containsKey(name)) {
                todo.addAll(refs(Json.pretty(schemas.get(name))));
            }
        }
        schemas.keySet().retainAll(kept);
    }

    private static List<String> refs(String json) {
        List<String> names = new ArrayList<>();
        Matcher matcher = REF.matcher(json);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
