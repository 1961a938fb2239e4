package cn.edu.cumt.union.core.internal.ui;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.edu.cumt.union.core.internal.rest.RestApplications;

/**
 * Which file of which plugin a request under {@code /ui/} asks for. The raw request URI is judged
 * (before the container decodes or normalises it): only plain names are allowed, so no
 * percent-escape, backslash, empty segment, {@code ..} or dot-file gets through, and only the file
 * types of {@link #TYPES} are served. Pure logic.
 */
final class AssetPaths {

    /** The content types served, by extension; anything else is not found. */
    static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "json", "application/json;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "webp", "image/webp",
            "woff2", "font/woff2");

    static final String PREFIX = "/ui/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final int MAX_DEPTH = 8;

    /**
     * @param pluginId the plugin whose bundle holds the file
     * @param entry    the bundle entry, under {@code UI-INF/}
     */
    record Asset(String pluginId, String entry, String contentType) {
    }

    private AssetPaths() {
    }

    /** @param path the request URI after the context path, undecoded, without the query */
    static Optional<Asset> resolve(String path) {
        if (path == null || !path.startsWith(PREFIX) || path.length() > 400) {
            return Optional.empty();
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length < 2 || segments.length > MAX_DEPTH + 1) {
            return Optional.empty();
        }
        String pluginId = segments[0];
        if (!RestApplications.validPluginId(pluginId)) {
            return Optional.empty();
        }
        for (int i = 1; i < segments.length; i++) {
            if (!SEGMENT.matcher(segments[i]).matches()) {
                return Optional.empty();
            }
        }
        String file = segments[segments.length - 1];
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(file.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        String entry = PageParser.FOLDER + String.join("/", Arrays.asList(segments).subList(1, segments.length));
        return Optional.of(new Asset(pluginId, entry, type));
    }
}
