package cn.edu.cumt.union.core.internal.rest;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The error page of the platform's servlet contexts: what Jetty itself refuses below {@code /api}
 * ({@code /api/WEB-INF/…}, errors the servlet layer sends) answers the platform's JSON error, not
 * Jetty's HTML page naming the server. Registered with {@link ApiEdgeFilter}.
 */
final class ApiErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number && number >= 400 && number < 600 ? number : 500;
        ApiEdgeFilter.write(response, ErrorMapper.fromStatus(code));
    }
}
