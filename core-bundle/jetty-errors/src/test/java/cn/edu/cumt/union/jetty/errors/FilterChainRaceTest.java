package cn.edu.cumt.union.jetty.errors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.Test;

/** Pax Web's filter-chain race is passed on again, a few times at most; nothing else is. */
public class FilterChainRaceTest {

    private static ConcurrentModificationException thrownFrom(String... frames) {
        ConcurrentModificationException e = new ConcurrentModificationException();
        StackTraceElement[] trace = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            int dot = frames[i].lastIndexOf('.');
            trace[i] = new StackTraceElement(frames[i].substring(0, dot), frames[i].substring(dot + 1), null, -1);
        }
        e.setStackTrace(trace);
        return e;
    }

    private static final ConcurrentModificationException RACE = thrownFrom("java.util.LinkedList$LLSpliterator.forEachRemaining",
            "org.ops4j.pax.web.service.jetty.internal.PaxWebServletHandler.getOsgiFilterChain",
            "org.ops4j.pax.web.service.jetty.internal.PaxWebServletHandler.doHandle",
            "cn.edu.cumt.union.jetty.errors.EndpointPending.handle");

    @Test
    public void onlyAnExceptionFromAssemblingTheFilterChainIsTheRace() {
        assertTrue(EndpointPending.filterChainRace(RACE));
        assertFalse("thrown in our own code, called through the chain", EndpointPending.filterChainRace(thrownFrom(
                "java.util.ArrayList$Itr.next", "cn.edu.cumt.union.core.internal.rest.ApiEdgeFilter.doFilter",
                "org.ops4j.pax.web.service.jetty.internal.PaxWebServletHandler.getOsgiFilterChain")));
        assertFalse(EndpointPending.filterChainRace(thrownFrom("java.util.HashMap$HashIterator.nextNode",
                "org.apache.cxf.transport.servlet.CXFNonSpringServlet.invoke")));
        assertFalse(EndpointPending.filterChainRace(new ConcurrentModificationException()));
    }

    @Test
    public void theRaceIsPassedOnAgainAndTheSecondAttemptAnswers() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EndpointPending pending = new EndpointPending();
        pending.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response) {
                if (attempts.incrementAndGet() == 1) {
                    throw RACE;
                }
                base.setHandled(true);
            }
        });
        Request base = new Request(null, null);
        pending.handle("/", base, request("/index.html"), response());
        assertEquals(2, attempts.get());
        assertTrue(base.isHandled());
    }

    @Test
    public void aPersistentRaceOrAnyOtherExceptionStillFails() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EndpointPending pending = new EndpointPending();
        pending.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response) {
                attempts.incrementAndGet();
                throw RACE;
            }
        });
        try {
            pending.handle("/", new Request(null, null), request("/index.html"), response());
            fail("swallowed");
        } catch (ConcurrentModificationException e) {
            assertSame(RACE, e);
        }
        assertEquals(EndpointPending.FILTER_CHAIN_ATTEMPTS, attempts.get());
    }

    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(FilterChainRaceTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> method.getName().equals("getRequestURI") ? uri : null);
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(FilterChainRaceTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> method.getName().equals("isCommitted") ? Boolean.FALSE : null);
    }
}
