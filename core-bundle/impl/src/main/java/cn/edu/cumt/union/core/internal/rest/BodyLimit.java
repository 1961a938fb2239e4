package cn.edu.cumt.union.core.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.apache.cxf.interceptor.Fault;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * The body limit counted as the body is read, for every entity of every application (JSON, files,
 * multipart): the guard's check of {@code Content-Length} does not see a chunked body, which
 * would otherwise be read in full. Past the limit, reading fails with 413 {@code request.too-large}.
 */
@Component(service = ReaderInterceptor.class, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + BodyLimit.NAME,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class BodyLimit implements ReaderInterceptor {

    static final String NAME = "union.body-limit";

    private final HttpSettings http;

    @Activate
    public BodyLimit(@Reference HttpSettings http) {
        this.http = http;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream(), http.limits().maxBodyBytes()));
        try {
            return context.proceed();
        } catch (Fault fault) {
            // CXF's multipart reader says "Couldn't determine the boundary" and the like as a Fault
            throw malformed(fault);
        }
    }

    /** @return the limit's own 413 when it is what the reader tripped on, else a 400 naming no parser internals */
    static ApiException malformed(Throwable fault) {
        for (Throwable cause = fault; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        return ApiException.badRequest("request.malformed-body", "请求体格式错误，无法读取", "The request body is malformed");
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "request.too-large", "请求体过大（上限 " + limit + " 字节）",
                "Request body too large (limit " + limit + " bytes)");
    }

    /** Counts the bytes read and fails past the limit (an unchecked error, so parsers pass it on as it is). */
    static final class Counted extends FilterInputStream {

        private final long limit;
        private long count;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
