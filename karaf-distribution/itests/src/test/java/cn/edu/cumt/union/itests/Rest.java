package cn.edu.cumt.union.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client for the platform's JSON API on the JDK's HttpClient, usable inside the container
 * (Pax Exam probes) and outside it (process tests). Immutable: {@link #withToken} returns a copy.
 */
public final class Rest {

    /** Where the core answers a login; its body has {@code token}. */
    public static final String LOGIN_PATH = "/api/auth/login";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;
    private final String baseUrl;
    private final String token;

    public Rest(String baseUrl) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
                baseUrl, null);
    }

    private Rest(HttpClient client, String baseUrl, String token) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token this client sends, or null. */
    public String token() {
        return token;
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public Rest withToken(String bearerToken) {
        return new Rest(client, baseUrl, bearerToken);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    /** POSTs {@code body}: a JSON string as it is, anything else serialised by Jackson. */
    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a file as the request body, e.g. a CSV or xlsx import. */
    public Reply upload(String path, String contentType, byte[] content) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request, "POST", path);
    }

    /** Sends a file as the form field {@code field} of a {@code multipart/form-data} body, as a browser form does. */
    public Reply uploadForm(String path, String field, String fileName, byte[] content) {
        String boundary = "union-itests-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return upload(path, "multipart/form-data; boundary=" + boundary, body);
    }

    /** Sends any bytes with any method and content type: malformed bodies, bad encodings, huge payloads. */
    public Reply raw(String method, String path, String contentType, byte[] content) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(content))
                // a large body waits for the server's go-ahead: a refusal (413) then arrives before it is sent
                .expectContinue(content.length > 1024 * 1024);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request, method, path);
    }

    /** GETs bytes with their headers (a file download). */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " interrupted", e);
        }
    }

    /** POSTs without a body and takes bytes with their headers (a file made by the call). */
    public Download postDownload(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("POST " + path + " interrupted", e);
        }
    }

    /** Status, headers and bytes of a download. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Logs in and returns the session token; fails unless the core answers 200 with a token. */
    public String login(String username, String password) {
        Reply reply = post(LOGIN_PATH, Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("Login of " + username + " answered " + reply);
        }
        JsonNode token = reply.json().get("token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw new AssertionError("Login of " + username + " returned no token: " + reply);
        }
        return token.asText();
    }

    public Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
        }
        return exchange(request, method, path);
    }

    private Reply exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String json) {
            return json;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + body, e);
        }
    }

    /** Status and body of one response. */
    public record Reply(int status, String body) {

        /** The body parsed as JSON; fails the test when it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
