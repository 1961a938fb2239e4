package cn.edu.cumt.union.openapi.internal;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;

/**
 * Completes one operation from its resource method: summary, success answer with its real status
 * and schema, the error answers its declaration implies (all with the one {@code Error} schema),
 * binary and multipart bodies, and what its query parameters accept. Reads the JAX-RS annotations
 * and the platform's {@link RestDoc} / {@link QueryDoc}; a method with neither still gets all of it.
 */
final class OperationDocs {

    static final String ERROR_SCHEMA = "Error";
    static final String ERROR_REF = "#/components/schemas/" + ERROR_SCHEMA;
    static final String JSON = MediaType.APPLICATION_JSON;

    /** The error answers the platform gives, with what each means. */
    static final Map<Integer, String> ERRORS = errors();

    private OperationDocs() {
    }

    private static Map<Integer, String> errors() {
        Map<Integer, String> errors = new LinkedHashMap<>();
        errors.put(400, "请求有误（字段、参数或文件） Bad request: a field, parameter or file is wrong");
        errors.put(401, "未登录或会话已过期 Not logged in, or the session has ended");
        errors.put(403, "无权操作，或须先修改密码 Not allowed, or the password must be changed first");
        errors.put(404, "记录不存在或不在您的管理范围 No such record, or not in your units");
        errors.put(409, "与当前状态冲突 Conflicts with the record's current state");
        errors.put(413, "请求体或文件过大 Body or file too large");
        errors.put(423, "账号暂时锁定 The account is locked for a while");
        errors.put(429, "尝试过于频繁，请稍后再试 Too many attempts; wait and try again");
        return errors;
    }

    /**
     * Fills in {@code operation} from {@code method}.
     *
     * @param anyone whether the method is open to anonymous callers
     * @param path   the operation's path (a {@code {...}} segment names a record)
     * @param verb   the HTTP method, lower case
     */
    static void complete(Operation operation, Method method, Components components, boolean anyone, String path,
            String verb) {
        RestDoc doc = method.getAnnotation(RestDoc.class);
        operation.setSummary(doc != null ? doc.value() : summaryFromName(method));
        boolean hasBody = bodyParameter(method) != null;
        if (hasBody) {
            operation.setRequestBody(requestBody(operation.getRequestBody(), method, doc, components));
        }
        queryParameters(operation, method);

        ApiResponses responses = new ApiResponses();
        success(operation.getResponses(), method, doc, components, responses);
        TreeSet<Integer> statuses = new TreeSet<>();
        if (!anyone) {
            statuses.add(401);
            statuses.add(403);
        }
        if (hasBody || Arrays.stream(method.getParameters()).anyMatch(OperationDocs::isRequestInput)) {
            statuses.add(400);
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (!"get".equals(verb) && !anyone) {
            statuses.add(409);
        }
        if (hasBody) {
            statuses.add(413);
        }
        if (doc != null) {
            Arrays.stream(doc.errors()).forEach(statuses::add);
            Arrays.stream(doc.notErrors()).forEach(statuses::remove);
        }
        for (int status : statuses) {
            responses.addApiResponse(Integer.toString(status), new ApiResponse()
                    .description(ERRORS.getOrDefault(status, "错误 Error"))
                    .content(new Content().addMediaType(JSON, new io.swagger.v3.oas.models.media.MediaType()
                            .schema(new Schema<>().$ref(ERROR_REF)))));
        }
        operation.setResponses(responses);
    }

    /** "changeStatus" of MemberResource becomes "Member: change status". */
    static String summaryFromName(Method method) {
        String words = method.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return classStem(method.getDeclaringClass()) + ": " + words;
    }

    /** "StudySessionResource" becomes "StudySession". */
    static String classStem(Class<?> resource) {
        String name = resource.getSimpleName();
        return name.endsWith("Resource") && name.length() > "Resource".length()
                ? name.substring(0, name.length() - "Resource".length()) : name;
    }

    private static void success(ApiResponses generated, Method method, RestDoc doc, Components components,
            ApiResponses responses) {
        boolean returnsResponse = Response.class.isAssignableFrom(method.getReturnType());
        boolean returnsNothing = method.getReturnType() == void.class;
        int status = doc != null && doc.status() > 0 ? doc.status() : returnsNothing ? 204 : 200;
        ApiResponse success = new ApiResponse().description(switch (status) {
        case 201 -> "已创建 Created";
        case 202 -> "已受理，待审核 Accepted, waiting for review";
        case 204 -> "完成，无内容 Done, no content";
        default -> "成功 OK";
        });
        if (status != 204) {
            Content content = new Content();
            if (doc != null && doc.entity() != Void.class) {
                content.addMediaType(JSON, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(schemaOf(doc.entity(), components)));
            } else if (!returnsResponse && generated != null && generated.getDefault() != null
                    && generated.getDefault().getContent() != null) {
                // the reader's schema of the return type, generics resolved; JSON is what the core's provider writes
                generated.getDefault().getContent().values().stream().findFirst()
                        .ifPresent(media -> content.addMediaType(JSON, media));
            }
            if (doc != null) {
                for (String file : doc.files()) {
                    content.addMediaType(file, new io.swagger.v3.oas.models.media.MediaType().schema(new BinarySchema()));
                }
            }
            if (!content.isEmpty()) {
                success.content(content);
            }
        }
        responses.addApiResponse(Integer.toString(status), success);
        if (doc != null) {
            for (int other : doc.alsoStatus()) {
                responses.addApiResponse(Integer.toString(other), new ApiResponse()
                        .description(other == 202 ? "已受理，待审核 Accepted, waiting for review" : "成功 OK")
                        .content(success.getContent()));
            }
        }
    }

    /** The schema of a class as a {@code $ref}, its models added to the components. */
    static Schema<?> schemaOf(Type type, Components components) {
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach(components::addSchemas);
        }
        return resolved.schema;
    }

    /** A second method on the same path and verb: its body's media types join the operation's. */
    static void mergeBody(Operation operation, Method method, Components components) {
        if (bodyParameter(method) != null) {
            operation.setRequestBody(requestBody(operation.getRequestBody(), method,
                    method.getAnnotation(RestDoc.class), components));
        }
    }

    private static RequestBody requestBody(RequestBody generated, Method method, RestDoc doc, Components components) {
        Parameter body = bodyParameter(method);
        Class<?> type = body.getType();
        List<String> consumes = consumes(method);
        RequestBody merged = generated != null && generated.getContent() != null ? generated : new RequestBody();
        merged.required(true);
        Content content = merged.getContent() == null ? new Content() : merged.getContent();
        if (InputStream.class.isAssignableFrom(type) || type == byte[].class) {
            consumes.forEach(media -> content.addMediaType(media, new io.swagger.v3.oas.models.media.MediaType()
                    .schema(new BinarySchema())));
        } else if (type.getName().startsWith("org.apache.cxf.jaxrs.ext.multipart.")) {
            ObjectSchema form = new ObjectSchema();
            String[] parts = doc == null || doc.parts().length == 0 ? new String[] { "file" } : doc.parts();
            for (String part : parts) {
                form.addProperties(part, new BinarySchema());
                form.addRequiredItem(part);
            }
            content.remove(MediaType.MULTIPART_FORM_DATA);
            content.addMediaType(MediaType.MULTIPART_FORM_DATA, new io.swagger.v3.oas.models.media.MediaType().schema(form));
        } else {
            // a JSON body: the reader has its schema; write it under JSON alone
            Schema<?> schema = content.values().stream().map(io.swagger.v3.oas.models.media.MediaType::getSchema)
                    .filter(s -> s != null).findFirst().orElseGet(() -> schemaOf(body.getParameterizedType(), components));
            consumes.forEach(content::remove);
            content.remove("*/*");
            content.addMediaType(JSON, new io.swagger.v3.oas.models.media.MediaType().schema(schema));
        }
        // a merged operation (same path and verb, other media types) keeps what the first one declared
        content.entrySet().removeIf(entry -> entry.getValue().getSchema() != null
                && entry.getValue().getSchema().get$ref() != null
                && entry.getValue().getSchema().get$ref().matches(".*/(MultipartBody|Attachment|InputStream)$"));
        return merged.content(content);
    }

    private static List<String> consumes(Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of(JSON) : Arrays.asList(consumes.value());
    }

    /** The parameter JAX-RS fills from the body: the one with no JAX-RS annotation. */
    static Parameter bodyParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (!isAnnotatedInput(parameter) && !parameter.isAnnotationPresent(Context.class)) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean isRequestInput(Parameter parameter) {
        return isAnnotatedInput(parameter) && !parameter.isAnnotationPresent(HeaderParam.class);
    }

    private static boolean isAnnotatedInput(Parameter parameter) {
        for (Class<? extends Annotation> kind : List.of(QueryParam.class, PathParam.class, HeaderParam.class,
                CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class)) {
            if (parameter.isAnnotationPresent(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Types, ranges and fixed values of query parameters; the paging ones from {@link Paging}. */
    private static void queryParameters(Operation operation, Method method) {
        if (operation.getParameters() == null) {
            return;
        }
        // OpenAPI ignores a Content-Type header parameter: the request body's media types say it
        operation.getParameters().removeIf(declared -> "header".equals(declared.getIn())
                && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(declared.getName()));
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query == null) {
                continue;
            }
            operation.getParameters().stream()
                    .filter(declared -> "query".equals(declared.getIn()) && query.value().equals(declared.getName()))
                    .findFirst().ifPresent(declared -> {
                        QueryDoc doc = parameter.getAnnotation(QueryDoc.class);
                        if (doc != null) {
                            Schema<Object> schema = new Schema<>().type(doc.type());
                            if (!doc.format().isEmpty()) {
                                schema.format(doc.format());
                            }
                            if (doc.values().length > 0) {
                                schema.setEnum(List.of((Object[]) doc.values()));
                            }
                            if (doc.min() <= doc.max()) {
                                schema.minimum(java.math.BigDecimal.valueOf(doc.min()))
                                        .maximum(java.math.BigDecimal.valueOf(doc.max()));
                            }
                            declared.schema(schema).required(doc.required() ? Boolean.TRUE : null);
                        } else if (isInteger(parameter.getType()) && "limit".equals(query.value())) {
                            Schema<Number> limit = new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                                    .maximum(java.math.BigDecimal.valueOf(Paging.MAX_LIMIT));
                            limit.setDefault(Paging.DEFAULT_LIMIT);
                            declared.schema(limit);
                        } else if (isInteger(parameter.getType()) && "offset".equals(query.value())) {
                            Schema<Number> offset = new IntegerSchema().minimum(java.math.BigDecimal.ZERO);
                            offset.setDefault(0);
                            declared.schema(offset);
                        }
                        if (parameter.getType().isPrimitive()) {
                            // a primitive has a value when left out: false or 0
                            declared.getSchema().setDefault(parameter.getType() == boolean.class ? Boolean.FALSE : 0);
                        }
                    });
        }
    }

    private static boolean isInteger(Class<?> type) {
        return type == Integer.class || type == int.class;
    }
}
