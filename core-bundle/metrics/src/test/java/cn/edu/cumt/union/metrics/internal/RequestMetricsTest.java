package cn.edu.cumt.union.metrics.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Method;

import javax.ws.rs.container.ResourceInfo;

import org.junit.Test;

public class RequestMetricsTest {

    @Test
    public void theApplicationIsTheCoreOrThePluginId() {
        assertEquals("core", RequestMetrics.application("/api/"));
        assertEquals("core", RequestMetrics.application("/api"));
        assertEquals("brand", RequestMetrics.application("/api/brand/"));
        assertEquals("familyday", RequestMetrics.application("/api/familyday"));
    }

    @Test
    public void theEndpointIsNamedByCodeNeverByThePath() throws Exception {
        Method method = RequestMetricsTest.class.getMethod("theEndpointIsNamedByCodeNeverByThePath");
        assertEquals("RequestMetricsTest.theEndpointIsNamedByCodeNeverByThePath", RequestMetrics.endpoint(new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return RequestMetricsTest.class;
            }
        }));
        assertEquals("unmatched", RequestMetrics.endpoint(null));
    }

}
