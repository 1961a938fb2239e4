package cn.edu.cumt.union.core.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import cn.edu.cumt.union.api.rest.UnionRest;

/** JSON for every resource of the application: ISO dates, strict about unknown or mistyped fields. */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class }, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + JsonProvider.NAME,
        "osgi.jaxrs.media.type=" + MediaType.APPLICATION_JSON,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
public class JsonProvider extends JacksonJsonProvider {

    static final String NAME = "union.json";

    /** The mapper the whole core uses, so that what the API writes and what tests read agree. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JsonProvider() {
        super(MAPPER);
    }

    /**
     * Writes a value as its declared generic type. Given {@code List<PluginDTO>} and a value of class
     * {@code ImmutableCollections.ListN} (what {@code Stream.toList()} and {@code List.of} return),
     * Jackson specialises the declared type to the value's class on every write, resolving that
     * class's whole hierarchy with fresh type placeholders its cache never matches: all request
     * threads then queue on the shared type cache (GET /api/plugins ran at 0.4 of GET /api/me). The
     * JSON is the same.
     */
    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        super.writeTo(value, declaredType(type, genericType), genericType, annotations, mediaType, httpHeaders, entityStream);
    }

    /** @return the raw class of a parameterised declared type that the value's class implements, else the value's class */
    static Class<?> declaredType(Class<?> type, Type genericType) {
        if (genericType instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && raw.isAssignableFrom(type)) {
            return raw;
        }
        return type;
    }
}
