package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.Test;

public class PluginRegistryTest {

    @Test
    public void aComponentFailureIsShownWithoutItsStackTrace() {
        StringWriter trace = new StringWriter();
        new IllegalStateException("cannot start", new RuntimeException("root")).printStackTrace(new PrintWriter(trace));
        String shown = PluginRegistry.withoutStackTrace(trace.toString());
        assertEquals("java.lang.IllegalStateException: cannot start", shown);
        assertFalse(shown, shown.contains("\tat "));
    }

    @Test
    public void aOneLineFailureIsKeptAndNoneStaysNone() {
        assertEquals("Bad thing", PluginRegistry.withoutStackTrace("  Bad thing \n"));
        assertNull(PluginRegistry.withoutStackTrace(null));
    }

    @Test
    public void parseWorkPointAcceptsOneToTenOnly() {
        assertEquals(Integer.valueOf(3), PluginRegistry.parseWorkPoint(" 3 "));
        assertNull(PluginRegistry.parseWorkPoint("11"));
        assertNull(PluginRegistry.parseWorkPoint("x"));
    }
}
