package cn.edu.cumt.union.core.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;

import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Numbers and booleans in paths, query strings and headers, read strictly and refused by name:
 * {@code ?limit=abc} answers 400 "limit: must be an integer" (JAX-RS would answer 404 Not found), and
 * {@code ?includeRetired=maybe} is refused instead of being read as false. Conversion runs after the
 * request guard, so an anonymous caller meets 401 first.
 */
@Component(service = ParamConverterProvider.class, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + TypedParameters.NAME,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class TypedParameters implements ParamConverterProvider {

    static final String NAME = "union.params";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, Integer::valueOf, "应为整数", "must be an integer");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, Long::valueOf, "应为整数", "must be an integer");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, TypedParameters::strictBoolean, "应为 true 或 false",
                    "must be true or false");
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(value);
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** One parameter's converter: surrounding blanks forgiven, anything else refused with its name. */
    record Strict<T>(String name, Function<String, T> parse, String reasonZh, String reasonEn) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField(name, reasonZh, reasonEn);
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
