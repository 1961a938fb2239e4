package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;

import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

public class TypedParametersTest {

    private final TypedParameters parameters = new TypedParameters();

    @Test
    public void numbersAndBooleansAreReadStrictlyAndRefusedByName() throws Exception {
        assertEquals(Integer.valueOf(20), converter(Integer.class, query("limit")).fromString(" 20 "));
        assertEquals(Long.valueOf(-1), converter(long.class, path("id")).fromString("-1"));
        assertEquals(Boolean.TRUE, converter(boolean.class, query("includeRetired")).fromString("TRUE"));
        refused(converter(Integer.class, query("limit")), "abc", "limit");
        refused(converter(Integer.class, query("limit")), "99999999999", "limit");
        refused(converter(long.class, path("id")), "1 OR 1=1", "id");
        refused(converter(boolean.class, query("includeRetired")), "maybe", "includeRetired");
        refused(converter(Boolean.class, query("includeRetired")), "1", "includeRetired");
    }

    @Test
    public void otherTypesAndUnnamedParametersAreLeftToJaxRs() {
        assertNull(parameters.getConverter(String.class, String.class, new Annotation[] { query("q") }));
        assertNull(parameters.getConverter(Integer.class, Integer.class, new Annotation[0]));
    }

    private <T> ParamConverter<T> converter(Class<T> type, Annotation annotation) {
        return parameters.getConverter(type, type, new Annotation[] { annotation });
    }

    private static void refused(ParamConverter<?> converter, String value, String name) {
        try {
            converter.fromString(value);
            fail(value + " accepted");
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(e.messageEn(), true, e.messageEn().contains(name));
        }
    }

    private static QueryParam query(String name) {
        return new QueryParam() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }

            @Override
            public String value() {
                return name;
            }
        };
    }

    private static PathParam path(String name) {
        return new PathParam() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }

            @Override
            public String value() {
                return name;
            }
        };
    }
}
