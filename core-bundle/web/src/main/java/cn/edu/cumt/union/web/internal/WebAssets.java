package cn.edu.cumt.union.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The built web app, held in memory (about 250 KB): which request path answers which file, with
 * what type, cache rule and headers. Only files that exist in the bundle's {@code app/} folder are
 * served; a path is looked up, never resolved against a file system, so {@code ..}, encoded
 * separators or a directory name find nothing. Immutable after construction; shared by request threads.
 */
final class WebAssets {

    /** The shell's security headers (web contract section 3), on every answer: files, 404s, 405s. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                    + " frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Vite's hashed names: name-HASH.ext under assets/. */
    private static final Pattern HASHED = Pattern.compile("assets/[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8,}\\.[a-z0-9]+");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"), Map.entry("json", "application/json;charset=UTF-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain;charset=UTF-8"));

    /** One file: its bytes, gzipped bytes when that saves something, and its headers. */
    record Asset(String type, String cacheControl, String etag, byte[] body, byte[] gzipped) {
    }

    private final Map<String, Asset> byPath;

    /** @param files the app's files by path relative to {@code app/} (e.g. {@code index.html}, {@code assets/index-Ab12Cd34.js}) */
    WebAssets(Map<String, byte[]> files) {
        Map<String, Asset> assets = new TreeMap<>();
        files.forEach((path, body) -> assets.put(path, asset(path, body)));
        this.byPath = Map.copyOf(assets);
    }

    private static Asset asset(String path, byte[] body) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        String cache = HASHED.matcher(path).matches() ? IMMUTABLE : NO_CACHE;
        byte[] gzipped = type.startsWith("font/") || type.equals("image/png") ? null : gzip(body);
        return new Asset(type, cache, etag(body), body, gzipped != null && gzipped.length < body.length ? gzipped : null);
    }

    /**
     * @param requestPath the path inside the servlet's context, e.g. {@code /} or {@code /app/assets/x-123.js}
     * @return the file it names, or {@code null}
     */
    Asset find(String requestPath) {
        if (requestPath == null || requestPath.isEmpty() || "/".equals(requestPath) || "/index.html".equals(requestPath)) {
            return byPath.get("index.html");
        }
        if (!requestPath.startsWith("/app/")) {
            return null;
        }
        return byPath.get(requestPath.substring("/app/".length()));
    }

    int size() {
        return byPath.size();
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON of a 404 or 405, in the platform's error shape. */
    static byte[] error(int status, String code, String zh, String en) {
        return ("{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + zh + "\",\"messageEn\":\"" + en
                + "\",\"details\":[]}").getBytes(StandardCharsets.UTF_8);
    }
}
