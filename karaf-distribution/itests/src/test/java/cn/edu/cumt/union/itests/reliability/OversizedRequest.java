package cn.edu.cumt.union.itests.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import cn.edu.cumt.union.itests.Rest;

/**
 * Sends a body over the size limit the way a careful client does: it watches for the answer while
 * it writes, and stops writing once the server has answered. The JDK client keeps writing into a
 * server that has refused the body and so loses the 413 when the connection is then reset.
 */
final class OversizedRequest {

    private static final int CHUNK = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 30_000;

    private OversizedRequest() {
    }

    static Rest.Reply send(String baseUrl, String token, String method, String path, String contentType, int size)
            throws IOException {
        return send(baseUrl, token, method, path, contentType, size, false);
    }

    /**
     * @param chunked send the body with {@code Transfer-Encoding: chunked} and no length, as a client that
     *        streams does: the server cannot refuse it by its header and must count as it reads
     */
    static Rest.Reply send(String baseUrl, String token, String method, String path, String contentType, int size,
            boolean chunked) throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: application/json\r\nContent-Type: " + contentType
                    + (chunked ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + size)
                    + (token == null ? "" : "\r\nAuthorization: Bearer " + token) + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            try {
                for (int sent = 0; sent < size && in.available() == 0; sent += CHUNK) {
                    int length = Math.min(CHUNK, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked && in.available() == 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server stopped reading: its answer is already on its way
            }
            return read(in);
        }
    }

    private static Rest.Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(bytes, 0, Math.max(end, 0), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("no HTTP answer to an oversized request (" + bytes.length + " bytes)");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Rest.Reply(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int length = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
