package cn.edu.cumt.union.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Variants of a built plugin jar for tests: other manifest headers (another owner, a forbidden
 * import, a higher version) or edited text files (one more change set), without building again.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * @param headers     manifest headers to set (an empty value removes the header)
     * @param textEdits   edits of text entries, by entry name
     */
    public static byte[] variant(byte[] jar, Map<String, String> headers, Map<String, UnaryOperator<String>> textEdits) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            headers.forEach((name, value) -> {
                if (value.isEmpty()) {
                    main.remove(new Attributes.Name(name));
                } else {
                    main.putValue(name, value);
                }
            });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    UnaryOperator<String> edit = textEdits.get(entry.getName());
                    if (edit != null) {
                        content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] withHeaders(byte[] jar, Map<String, String> headers) {
        return variant(jar, headers, Map.of());
    }
}
