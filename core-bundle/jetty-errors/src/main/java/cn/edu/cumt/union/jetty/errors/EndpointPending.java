package cn.edu.cumt.union.jetty.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ConcurrentModificationException;

import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * In front of every context: while the JAX-RS whiteboard has an application's servlet in place but not yet
 * its endpoint (Karaf starting, an application being rebuilt), CXF answers requests to it with an HTML 404
 * "No service was found." of its own, past every error page and filter of the context. That means "not
 * ready", so under {@code /api} it becomes the platform's JSON 503 with Retry-After, as a load balancer must
 * read it. Every other answer passes unchanged.
 */
public class EndpointPending extends HandlerWrapper {

    /** How often a request is passed on again after Pax Web's filter-chain race (below). */
    static final int FILTER_CHAIN_ATTEMPTS = 3;

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!JsonErrorHandler.underApi(request.getRequestURI()) || protectedTarget(request.getRequestURI())) {
            handleThroughFilterChainRace(target, baseRequest, request, response);
            return;
        }
        Watch watch = new Watch(response);
        try {
            handleThroughFilterChainRace(target, baseRequest, request, watch);
        } catch (ServletException | RuntimeException e) {
            if (!unavailable(e) || response.isCommitted()) {
                throw e;
            }
            // a filter or servlet of a context being torn down (UnavailableException): not ready either
            baseRequest.setHandled(true);
            watch.replace();
        }
    }

    /**
     * Pax Web 8.0.34 builds a request's filter chain by iterating the context's filter list while another
     * thread may be replacing it (every filter registered, e.g. a plugin's edge filter, changes the filter
     * configuration of every context): the request then fails with a ConcurrentModificationException
     * before any filter or servlet ran (the reliability suite's plugin churn met one in 22,879 requests).
     * Nothing of the request was read and nothing answered yet, so it is simply passed on again.
     */
    private void handleThroughFilterChainRace(String target, Request baseRequest, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        for (int attempt = 1;; attempt++) {
            try {
                super.handle(target, baseRequest, request, response);
                return;
            } catch (ConcurrentModificationException e) {
                if (attempt >= FILTER_CHAIN_ATTEMPTS || !filterChainRace(e) || response.isCommitted()) {
                    throw e;
                }
                baseRequest.setHandled(false);
            }
        }
    }

    /** Whether the exception comes from Pax Web assembling a filter chain, before any of our code ran. */
    static boolean filterChainRace(ConcurrentModificationException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().endsWith(".PaxWebServletHandler") && frame.getMethodName().equals("getOsgiFilterChain")) {
                return true;
            }
            if (frame.getClassName().startsWith("cn.edu.cumt.union.") || frame.getClassName().startsWith("org.apache.cxf.")) {
                return false; // a filter or servlet ran: not the race, and not safe to run again
            }
        }
        return false;
    }

    /** Jetty refuses WEB-INF and META-INF in every context with its own 404: a refusal, not a context in transition. */
    static boolean protectedTarget(String uri) {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("/web-inf") || lower.contains("/meta-inf") || lower.contains("%2f") || lower.contains("%5c");
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.servlet.UnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** Lets everything through but CXF's own not-found page, which it turns into the 503. */
    static final class Watch extends HttpServletResponseWrapper {

        private int status = SC_OK;
        private boolean replaced;

        Watch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            this.status = status;
            super.setStatus(status);
        }

        @Override
        public void setContentType(String type) {
            if (status == SC_NOT_FOUND && type != null && type.startsWith("text/html") && !replaced) {
                try {
                    replace();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return;
            }
            super.setContentType(type);
        }

        /**
         * A context with no servlet for the path yet (Jetty's own 404) or one marked unavailable (503):
         * under {@code /api}, every servlet context maps all of its paths to its application, so this is
         * a context in transition. The applications' own errors are written, never sent this way.
         */
        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if ((status == SC_NOT_FOUND || status == SC_SERVICE_UNAVAILABLE) && !replaced && !isCommitted()) {
                replace();
                return;
            }
            super.sendError(status, message);
        }

        void replace() throws IOException {
            replaced = true;
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setHeader("Retry-After", JsonErrorHandler.RETRY_AFTER_SECONDS);
            JsonErrorHandler.write(response, SC_SERVICE_UNAVAILABLE, null);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return replaced ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!replaced) {
                return super.getOutputStream();
            }
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    // CXF's page, after the platform's answer: dropped
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    // never asynchronous
                }
            };
        }

        boolean replaced() {
            return replaced;
        }
    }
}
