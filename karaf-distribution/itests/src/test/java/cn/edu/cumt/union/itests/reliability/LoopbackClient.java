package cn.edu.cumt.union.itests.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.edu.cumt.union.itests.Rest;

/**
 * JSON POSTs from a chosen loopback source address (Linux routes all of 127/8 to lo): a client
 * socket bound to, say, 127.0.0.2 reaches the platform on 127.0.0.1, which sees 127.0.0.2 as the
 * peer. The JDK's HttpClient cannot bind its sockets before Java 19, hence this HTTP/1.1 client of
 * a few lines: one connection per request ({@code Connection: close}), fixed or chunked replies.
 */
final class LoopbackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 15_000;

    /** Status, headers (names in lower case) and body of one reply. */
    record Answer(int status, Map<String, String> headers, String body) {

        Rest.Reply reply() {
            return new Rest.Reply(status, body);
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("retry-after", "") + " " + body;
        }
    }

    private final InetAddress source;
    private final int port;

    /** @param baseUrl where the platform answers, e.g. http://localhost:8591 (reached on 127.0.0.1) */
    LoopbackClient(String source, String baseUrl) {
        try {
            this.source = InetAddress.getByName(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = URI.create(baseUrl).getPort();
    }

    String source() {
        return source.getHostAddress();
    }

    Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, Object body, Map<String, String> extraHeaders) {
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: application/json\r\nContent-Type: application/json; charset=UTF-8\r\nConnection: close\r\n"
                + "Content-Length: " + content.length + "\r\n");
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " from " + source, e);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete reply: " + all);
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("truncated chunked body");
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.skip(2); // CRLF after the chunk
        }
    }
}
