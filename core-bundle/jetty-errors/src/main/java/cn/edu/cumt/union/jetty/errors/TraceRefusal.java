package cn.edu.cumt.union.jetty.errors;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Refuses TRACE (and its alias TRACK) in front of every context, with the platform's JSON 405 and
 * {@code Allow}. Pax Web refuses TRACE itself inside a context, but with an empty body that no error
 * page can fill, since Jetty writes error pages for GET, POST and HEAD only.
 */
public class TraceRefusal extends HandlerWrapper {

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("TRACE".equalsIgnoreCase(method) || "TRACK".equalsIgnoreCase(method)) {
            baseRequest.setHandled(true);
            response.setHeader("Allow", JsonErrorHandler.ALLOW);
            JsonErrorHandler.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, null);
            return;
        }
        super.handle(target, baseRequest, request, response);
    }
}
