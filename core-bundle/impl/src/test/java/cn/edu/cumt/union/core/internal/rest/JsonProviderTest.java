package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.SecurityContext;

import org.junit.Test;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.core.internal.plugin.PluginResource;

public class JsonProviderTest {

    private static Type pluginList() throws Exception {
        return PluginResource.class.getMethod("list", SecurityContext.class).getGenericReturnType();
    }

    private static PluginDTO plugin(String id) {
        return new PluginDTO(id, "政治学习", "Political study", "1.0.0", 1, null, 7L, "cn.edu.cumt.union.plugin." + id,
                "ACTIVE", null);
    }

    @Test
    public void anImmutableListIsWrittenAsItsDeclaredListType() throws Exception {
        List<PluginDTO> value = List.of(plugin("study"), plugin("brand"));
        assertEquals(List.class, JsonProvider.declaredType(value.getClass(), pluginList()));
        assertEquals(ArrayList.class, JsonProvider.declaredType(ArrayList.class, ArrayList.class));
        // a declared type the value does not implement is left to Jackson
        assertEquals(String.class, JsonProvider.declaredType(String.class, pluginList()));
    }

    @Test
    public void theJsonIsTheSameAsTheMappersOwn() throws Exception {
        List<PluginDTO> value = java.util.stream.Stream.of(plugin("study"), plugin("brand")).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonProvider().writeTo(value, value.getClass(), pluginList(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        assertEquals(JsonProvider.MAPPER.writeValueAsString(value), out.toString(StandardCharsets.UTF_8));
    }
}
