package cn.edu.cumt.union.core.internal.plugin;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names in a unit plugin's JPA mapping annotations go into SQL as they are: EclipseLink writes
 * {@code @Table(name = "…")} after FROM without quoting it, so a "name" such as
 * {@code TABLE(SYSCS_DIAG.ERROR_LOG_READER('/etc/…')) T} would read a file through Derby. Here a
 * name must be a plain SQL name, a column list a list of them, and what only DDL would use
 * ({@code columnDefinition}, schemas, catalogs) is not allowed at all. Pure logic.
 */
final class MappingNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final Pattern COLUMN_LIST = Pattern.compile(
            "[A-Za-z][A-Za-z0-9_]{0,127}( (?i:ASC|DESC))?(\\s*,\\s*[A-Za-z][A-Za-z0-9_]{0,127}( (?i:ASC|DESC))?){0,31}");
    /** JPQL ORDER BY over attribute paths, or empty (the primary key). */
    private static final Pattern ORDER_BY = Pattern.compile(
            "|[A-Za-z][A-Za-z0-9_.]{0,127}( (?i:ASC|DESC))?(\\s*,\\s*[A-Za-z][A-Za-z0-9_.]{0,127}( (?i:ASC|DESC))?){0,31}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private enum Rule {
        NAME, COLUMN_LIST, ORDER_BY, LITERAL,
        /** only DDL reads it, and the schema is Liquibase's: must stay empty */
        EMPTY
    }

    private static final String P = "Ljavax/persistence/";
    private static final Map<String, Map<String, Rule>> RULES = Map.ofEntries(
            // without @Table the entity's name is its table's name
            Map.entry(P + "Entity;", Map.of("name", Rule.NAME)),
            Map.entry(P + "Table;", tables()), Map.entry(P + "SecondaryTable;", tables()),
            Map.entry(P + "CollectionTable;", tables()), Map.entry(P + "JoinTable;", tables()),
            Map.entry(P + "Column;", columns()), Map.entry(P + "JoinColumn;", columns()),
            Map.entry(P + "MapKeyColumn;", columns()), Map.entry(P + "MapKeyJoinColumn;", columns()),
            Map.entry(P + "PrimaryKeyJoinColumn;", columns()), Map.entry(P + "OrderColumn;", columns()),
            Map.entry(P + "DiscriminatorColumn;", columns()),
            Map.entry(P + "SequenceGenerator;", Map.of("sequenceName", Rule.NAME, "schema", Rule.EMPTY, "catalog", Rule.EMPTY)),
            Map.entry(P + "TableGenerator;", Map.of("table", Rule.NAME, "pkColumnName", Rule.NAME, "valueColumnName", Rule.NAME,
                    "pkColumnValue", Rule.LITERAL, "schema", Rule.EMPTY, "catalog", Rule.EMPTY)),
            Map.entry(P + "Index;", Map.of("name", Rule.NAME, "columnList", Rule.COLUMN_LIST)),
            Map.entry(P + "UniqueConstraint;", Map.of("name", Rule.NAME, "columnNames", Rule.NAME)),
            Map.entry(P + "ForeignKey;", Map.of("name", Rule.NAME, "foreignKeyDefinition", Rule.EMPTY)),
            Map.entry(P + "DiscriminatorValue;", Map.of("value", Rule.LITERAL)),
            Map.entry(P + "OrderBy;", Map.of("value", Rule.ORDER_BY)));

    private static Map<String, Rule> tables() {
        return Map.of("name", Rule.NAME, "schema", Rule.EMPTY, "catalog", Rule.EMPTY);
    }

    private static Map<String, Rule> columns() {
        return Map.of("name", Rule.NAME, "referencedColumnName", Rule.NAME, "table", Rule.NAME, "columnDefinition", Rule.EMPTY);
    }

    private MappingNames() {
    }

    /** @return whether the annotation (a type descriptor) has names that are checked */
    static boolean checked(String descriptor) {
        return descriptor != null && RULES.containsKey(descriptor);
    }

    /**
     * @param attribute the annotation attribute (for an array, the array's name)
     * @return what is wrong, e.g. {@code @Table(name="x y")}, or null when the value is fine
     */
    static String problem(String descriptor, String attribute, String value) {
        Map<String, Rule> rules = RULES.get(descriptor);
        Rule rule = rules == null || attribute == null ? null : rules.get(attribute);
        if (rule == null) {
            return null;
        }
        boolean fine = switch (rule) {
        case NAME -> value.isEmpty() || NAME.matcher(value).matches();
        case COLUMN_LIST -> COLUMN_LIST.matcher(value).matches();
        case ORDER_BY -> ORDER_BY.matcher(value).matches();
        case LITERAL -> LITERAL.matcher(value).matches();
        case EMPTY -> value.isEmpty();
        };
        if (fine) {
            return null;
        }
        String simple = descriptor.substring(P.length(), descriptor.length() - 1);
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "@" + simple + "(" + attribute + "=\"" + shown.replaceAll("\\p{Cntrl}", " ") + "\")";
    }
}
