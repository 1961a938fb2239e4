package cn.edu.cumt.union.core.internal.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an OSGi manifest header such as {@code Import-Package} into its clauses: names, attributes
 * ({@code version="[1.0,2)"}) and directives ({@code resolution:=optional}). Quoted values may hold
 * commas and semicolons.
 */
record ManifestClauses(List<Clause> clauses) {

    /** One clause; a clause may name several packages that share its parameters. */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {

        boolean optional() {
            return "optional".equals(directives.get("resolution"));
        }
    }

    static ManifestClauses parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return new ManifestClauses(clauses);
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int directive = part.indexOf(":=");
                int attribute = part.indexOf('=');
                if (directive > 0 && directive < attribute + 1) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (attribute > 0) {
                    String key = part.substring(0, attribute).trim();
                    int typed = key.indexOf(':');
                    attributes.put(typed > 0 ? key.substring(0, typed) : key, unquote(part.substring(attribute + 1)));
                } else if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
            if (!names.isEmpty()) {
                clauses.add(new Clause(names, attributes, directives));
            }
        }
        return new ManifestClauses(clauses);
    }

    /** @return every name of every clause, in order */
    List<String> names() {
        return clauses.stream().flatMap(clause -> clause.names().stream()).toList();
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
