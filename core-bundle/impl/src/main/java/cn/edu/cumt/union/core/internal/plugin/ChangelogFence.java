package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A unit plugin's Liquibase changelog is code: Liquibase can run shell commands, SQL text, Java
 * classes and file loads from it. This fence lets through only a declarative allow-list: creating
 * and altering tables, columns, indexes, constraints and sequences, and inserting literal data,
 * each attribute matching the kind of value it holds (a name, a type, a number, a literal), so that
 * no attribute becomes SQL text either. Property substitution ({@code ${…}}) is refused anywhere, so
 * Liquibase sees exactly the text checked here. Includes must be other XML files of the same jar.
 *
 * <p>The checked files are kept ({@link Result#files()}): the schema extender gives Liquibase these
 * very bytes and nothing else, so what runs is what was checked. Pure logic.
 */
public final class ChangelogFence {

    /** Most changelog files one plugin may have (includes count). */
    static final int MAX_FILES = 50;
    /** Most bytes one changelog file may have. */
    public static final int MAX_BYTES = 1 << 20;

    public static final String NAMESPACE = "http://www.liquibase.org/xml/ns/dbchangelog";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** What a value may look like. */
    enum Kind {
        /** a table, column, index, constraint or sequence name */
        NAME("[A-Za-z][A-Za-z0-9_]{0,127}"),
        /** names separated by commas */
        NAMES("[A-Za-z][A-Za-z0-9_]{0,127}(\\s*,\\s*[A-Za-z][A-Za-z0-9_]{0,127}){0,31}"),
        /** a foreign key target: TABLE(COLUMN, …) */
        REFERENCE("[A-Za-z][A-Za-z0-9_]{0,127}\\s*\\(\\s*[A-Za-z][A-Za-z0-9_]{0,127}(\\s*,\\s*[A-Za-z][A-Za-z0-9_]{0,127}){0,31}\\s*\\)"),
        /**
         * a column type: one word (DOUBLE PRECISION, CHARACTER VARYING), an optional (length) or
         * (precision, scale) right after it, an optional time zone; no room for an expression
         */
        TYPE("(?i)[A-Za-z][A-Za-z0-9_.]{0,40}( PRECISION| VARYING)?(\\(\\s*\\d{1,5}(\\s*,\\s*\\d{1,5})?\\s*\\))?( WITH(OUT)? TIME ZONE)?"),
        NUMBER("-?\\d{1,18}(\\.\\d{1,18})?"),
        BOOLEAN("true|false"),
        DATE("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?"),
        /**
         * literal data: no quotes, backslashes, semicolons or control characters, because some
         * column types put a default into the DDL as it is
         */
        LITERAL("[^'\"`\\\\;\\p{Cntrl}]{0,4000}"),
        /** an identifier of a change set, an author, a tag */
        LABEL("[\\p{L}\\p{N} _.:@/+-]{1,255}"),
        /** contexts, labels and dbms expressions */
        EXPRESSION("[A-Za-z0-9_ ,!&|()-]{0,255}"),
        /** an include: a relative .xml path inside the jar */
        FILE("[A-Za-z0-9_][A-Za-z0-9_./-]{0,254}\\.xml"),
        FOREIGN_KEY_ACTION("CASCADE|SET NULL|SET DEFAULT|RESTRICT|NO ACTION"),
        QUOTING("LEGACY|QUOTE_ALL_OBJECTS|QUOTE_ONLY_RESERVED_WORDS"),
        PRECONDITION_ACTION("HALT|CONTINUE|MARK_RAN|WARN"),
        /** free text Liquibase only prints (messages, remarks) */
        MESSAGE("[^\\p{Cntrl}]{0,1000}");

        private final Pattern pattern;

        Kind(String regex) {
            this.pattern = Pattern.compile(regex);
        }

        boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }

    /** Elements allowed, each with its attributes and their kinds. */
    private static final Map<String, Map<String, Kind>> ELEMENTS = new LinkedHashMap<>();
    /** Elements whose text is kept (nowhere else may text appear). */
    private static final Set<String> TEXT_ELEMENTS = Set.of("comment", "validCheckSum");
    /** Where each element may stand: Liquibase also reads a child element as its parent's attribute. */
    private static final Map<String, Set<String>> PARENTS = new LinkedHashMap<>();
    private static final Set<String> CONDITION_PARENTS = Set.of("preConditions", "and", "or", "not");
    private static final Set<String> CHANGE_PARENTS = Set.of("changeSet", "rollback");

    static {
        allow("databaseChangeLog");
        allow("changeSet", "id", Kind.LABEL, "author", Kind.LABEL, "context", Kind.EXPRESSION, "contextFilter", Kind.EXPRESSION,
                "labels", Kind.EXPRESSION, "dbms", Kind.EXPRESSION, "runAlways", Kind.BOOLEAN, "runOnChange", Kind.BOOLEAN,
                "failOnError", Kind.BOOLEAN, "runInTransaction", Kind.BOOLEAN, "created", Kind.LABEL,
                "objectQuotingStrategy", Kind.QUOTING, "ignore", Kind.BOOLEAN);
        allow("comment");
        allow("validCheckSum");
        allow("include", "file", Kind.FILE, "relativeToChangelogFile", Kind.BOOLEAN, "context", Kind.EXPRESSION,
                "contextFilter", Kind.EXPRESSION, "labels", Kind.EXPRESSION, "ignore", Kind.BOOLEAN);
        allow("preConditions", "onFail", Kind.PRECONDITION_ACTION, "onError", Kind.PRECONDITION_ACTION,
                "onFailMessage", Kind.MESSAGE, "onErrorMessage", Kind.MESSAGE);
        allow("and");
        allow("or");
        allow("not");
        allow("dbms", "type", Kind.EXPRESSION);
        allow("tableExists", "tableName", Kind.NAME);
        allow("columnExists", "tableName", Kind.NAME, "columnName", Kind.NAME);
        allow("indexExists", "tableName", Kind.NAME, "indexName", Kind.NAME, "columnNames", Kind.NAMES);
        allow("sequenceExists", "sequenceName", Kind.NAME);
        allow("primaryKeyExists", "tableName", Kind.NAME, "primaryKeyName", Kind.NAME);
        allow("foreignKeyConstraintExists", "foreignKeyTableName", Kind.NAME, "foreignKeyName", Kind.NAME);
        allow("changeSetExecuted", "id", Kind.LABEL, "author", Kind.LABEL, "changeLogFile", Kind.FILE);
        allow("rollback");
        allow("tagDatabase", "tag", Kind.LABEL);
        allow("empty");
        allow("createTable", "tableName", Kind.NAME, "remarks", Kind.MESSAGE);
        allow("column", "name", Kind.NAME, "type", Kind.TYPE, "autoIncrement", Kind.BOOLEAN, "startWith", Kind.NUMBER,
                "incrementBy", Kind.NUMBER, "defaultValue", Kind.LITERAL, "defaultValueNumeric", Kind.NUMBER,
                "defaultValueBoolean", Kind.BOOLEAN, "defaultValueDate", Kind.DATE, "value", Kind.LITERAL,
                "valueNumeric", Kind.NUMBER, "valueBoolean", Kind.BOOLEAN, "valueDate", Kind.DATE, "remarks", Kind.MESSAGE,
                "descending", Kind.BOOLEAN);
        allow("constraints", "nullable", Kind.BOOLEAN, "primaryKey", Kind.BOOLEAN, "primaryKeyName", Kind.NAME,
                "unique", Kind.BOOLEAN, "uniqueConstraintName", Kind.NAME, "foreignKeyName", Kind.NAME,
                "references", Kind.REFERENCE, "referencedTableName", Kind.NAME, "referencedColumnNames", Kind.NAMES,
                "deleteCascade", Kind.BOOLEAN, "deferrable", Kind.BOOLEAN, "initiallyDeferred", Kind.BOOLEAN,
                "notNullConstraintName", Kind.NAME);
        allow("addColumn", "tableName", Kind.NAME);
        allow("dropColumn", "tableName", Kind.NAME, "columnName", Kind.NAME);
        allow("renameColumn", "tableName", Kind.NAME, "oldColumnName", Kind.NAME, "newColumnName", Kind.NAME,
                "columnDataType", Kind.TYPE, "remarks", Kind.MESSAGE);
        allow("modifyDataType", "tableName", Kind.NAME, "columnName", Kind.NAME, "newDataType", Kind.TYPE);
        allow("renameTable", "oldTableName", Kind.NAME, "newTableName", Kind.NAME);
        allow("dropTable", "tableName", Kind.NAME, "cascadeConstraints", Kind.BOOLEAN);
        allow("createIndex", "tableName", Kind.NAME, "indexName", Kind.NAME, "unique", Kind.BOOLEAN);
        allow("dropIndex", "tableName", Kind.NAME, "indexName", Kind.NAME);
        allow("addPrimaryKey", "tableName", Kind.NAME, "columnNames", Kind.NAMES, "constraintName", Kind.NAME);
        allow("dropPrimaryKey", "tableName", Kind.NAME, "constraintName", Kind.NAME);
        allow("addForeignKeyConstraint", "baseTableName", Kind.NAME, "baseColumnNames", Kind.NAMES, "constraintName", Kind.NAME,
                "referencedTableName", Kind.NAME, "referencedColumnNames", Kind.NAMES, "onDelete", Kind.FOREIGN_KEY_ACTION,
                "onUpdate", Kind.FOREIGN_KEY_ACTION, "deferrable", Kind.BOOLEAN, "initiallyDeferred", Kind.BOOLEAN);
        allow("dropForeignKeyConstraint", "baseTableName", Kind.NAME, "constraintName", Kind.NAME);
        allow("addUniqueConstraint", "tableName", Kind.NAME, "columnNames", Kind.NAMES, "constraintName", Kind.NAME,
                "deferrable", Kind.BOOLEAN, "initiallyDeferred", Kind.BOOLEAN);
        allow("dropUniqueConstraint", "tableName", Kind.NAME, "constraintName", Kind.NAME, "uniqueColumns", Kind.NAMES);
        allow("addNotNullConstraint", "tableName", Kind.NAME, "columnName", Kind.NAME, "columnDataType", Kind.TYPE,
                "defaultNullValue", Kind.LITERAL, "constraintName", Kind.NAME);
        allow("dropNotNullConstraint", "tableName", Kind.NAME, "columnName", Kind.NAME, "columnDataType", Kind.TYPE);
        allow("addDefaultValue", "tableName", Kind.NAME, "columnName", Kind.NAME, "columnDataType", Kind.TYPE,
                "defaultValue", Kind.LITERAL, "defaultValueNumeric", Kind.NUMBER, "defaultValueBoolean", Kind.BOOLEAN,
                "defaultValueDate", Kind.DATE);
        allow("dropDefaultValue", "tableName", Kind.NAME, "columnName", Kind.NAME, "columnDataType", Kind.TYPE);
        allow("addAutoIncrement", "tableName", Kind.NAME, "columnName", Kind.NAME, "columnDataType", Kind.TYPE,
                "startWith", Kind.NUMBER, "incrementBy", Kind.NUMBER);
        allow("createSequence", "sequenceName", Kind.NAME, "startValue", Kind.NUMBER, "incrementBy", Kind.NUMBER,
                "minValue", Kind.NUMBER, "maxValue", Kind.NUMBER, "cycle", Kind.BOOLEAN, "ordered", Kind.BOOLEAN,
                "cacheSize", Kind.NUMBER, "dataType", Kind.TYPE);
        allow("alterSequence", "sequenceName", Kind.NAME, "incrementBy", Kind.NUMBER, "minValue", Kind.NUMBER,
                "maxValue", Kind.NUMBER, "ordered", Kind.BOOLEAN, "cacheSize", Kind.NUMBER, "cycle", Kind.BOOLEAN);
        allow("dropSequence", "sequenceName", Kind.NAME);
        allow("renameSequence", "oldSequenceName", Kind.NAME, "newSequenceName", Kind.NAME);
        allow("insert", "tableName", Kind.NAME);
    }

    private static void allow(String element, Object... attributes) {
        PARENTS.put(element, switch (element) {
        case "databaseChangeLog" -> Set.of();
        case "changeSet", "include" -> Set.of("databaseChangeLog");
        case "preConditions" -> Set.of("databaseChangeLog", "changeSet");
        case "comment", "validCheckSum", "rollback" -> Set.of("changeSet");
        case "and", "or", "not", "dbms", "tableExists", "columnExists", "indexExists", "sequenceExists", "primaryKeyExists",
                "foreignKeyConstraintExists", "changeSetExecuted" -> CONDITION_PARENTS;
        case "column" -> Set.of("createTable", "addColumn", "createIndex", "insert", "dropColumn");
        case "constraints" -> Set.of("column");
        default -> CHANGE_PARENTS;
        });
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            kinds.put((String) attributes[i], (Kind) attributes[i + 1]);
        }
        ELEMENTS.put(element, kinds);
    }

    /**
     * @param files    the checked files by path, as they will be given to Liquibase
     * @param problems every reason to refuse, bilingual, with file, line and change set
     */
    public record Result(Map<String, byte[]> files, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private ChangelogFence() {
    }

    /**
     * @param changelog the path the manifest names ({@code Union-Changelog})
     * @param read      a file of the jar by path, or null when there is none
     */
    public static Result check(String changelog, Function<String, byte[]> read) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String root = normalise(changelog);
        if (root == null || !Kind.FILE.matches(root)) {
            problems.add("数据库变更日志须为插件包内的 .xml 文件 / the changelog must be an .xml file inside the jar, not " + changelog);
            return new Result(files, problems);
        }
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (files.containsKey(path)) {
                continue;
            }
            if (files.size() >= MAX_FILES) {
                problems.add("数据库变更日志文件超过 " + MAX_FILES + " 个 / more than " + MAX_FILES + " changelog files");
                break;
            }
            byte[] bytes = read.apply(path);
            if (bytes == null) {
                problems.add("数据库变更日志 " + path + " 不在插件包内 / the changelog " + path + " is not in the jar");
                continue;
            }
            files.put(path, bytes);
            new FileCheck(path, bytes, problems, pending).run();
        }
        return new Result(files, problems);
    }

    /** A path inside the jar, with "." and ".." resolved; null when it leaves the jar. */
    public static String normalise(String path) {
        if (path == null) {
            return null;
        }
        String plain = path.trim();
        if (plain.startsWith("classpath:")) {
            plain = plain.substring("classpath:".length());
        }
        while (plain.startsWith("/")) {
            plain = plain.substring(1);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : plain.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** One file, read once with StAX for its line numbers. */
    private static final class FileCheck {
        private final String path;
        private final byte[] bytes;
        private final List<String> problems;
        private final Deque<String> includes;
        private String changeSet;

        FileCheck(String path, byte[] bytes, List<String> problems, Deque<String> includes) {
            this.path = path;
            this.bytes = bytes;
            this.problems = problems;
            this.includes = includes;
        }

        void run() {
            if (bytes.length > MAX_BYTES) {
                problems.add(path + " 超过 " + (MAX_BYTES >> 10) + " KB / " + path + " is larger than " + (MAX_BYTES >> 10) + " KB");
                return;
            }
            if (!strictUtf8()) {
                problems.add(path + " 须为 UTF-8 编码 / " + path + " must be UTF-8 (no other encoding, no byte-order mark but UTF-8's)");
                return;
            }
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            try {
                XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
                try {
                    String encoding = xml.getCharacterEncodingScheme();
                    if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
                        problems.add(path + " 声明了 " + encoding + " 编码 / " + path + " declares the encoding " + encoding + ": only UTF-8");
                        return;
                    }
                    Deque<String> open = new ArrayDeque<>();
                    while (xml.hasNext()) {
                        int event = xml.next();
                        switch (event) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            element(xml, open);
                            open.push(xml.getLocalName());
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            if ("changeSet".equals(open.pop())) {
                                changeSet = null;
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            String text = xml.getText();
                            if (!text.isBlank()) {
                                String inside = open.peek();
                                if (inside == null || !TEXT_ELEMENTS.contains(inside)) {
                                    refuse(xml, "元素 <" + inside + "> 中不允许有文本（SQL 等）", "text (such as SQL) is not allowed inside <" + inside + ">");
                                } else if (text.contains("${")) {
                                    refuse(xml, "不允许使用属性替换 ${…}", "property substitution ${…} is not allowed");
                                }
                            }
                        }
                        case XMLStreamConstants.DTD -> refuse(xml, "不允许 DOCTYPE", "a DOCTYPE is not allowed");
                        case XMLStreamConstants.ENTITY_REFERENCE -> refuse(xml, "不允许实体引用", "entity references are not allowed");
                        default -> {
                            // comments, processing instructions and the document's start and end mean nothing to Liquibase
                        }
                        }
                    }
                } finally {
                    xml.close();
                }
            } catch (XMLStreamException | RuntimeException unreadable) {
                problems.add(path + " 不是可安全解析的 XML / " + path + " is not XML that can be read safely: " + firstLine(unreadable.getMessage()));
            }
        }

        private void element(XMLStreamReader xml, Deque<String> open) {
            String name = xml.getLocalName();
            if (!NAMESPACE.equals(xml.getNamespaceURI())) {
                refuse(xml, "元素 <" + xml.getName() + "> 不属于 Liquibase 变更日志的命名空间",
                        "the element <" + xml.getName() + "> is not in Liquibase's changelog namespace " + NAMESPACE);
                return;
            }
            if (open.isEmpty() != name.equals("databaseChangeLog")) {
                refuse(xml, "根元素须为唯一的 <databaseChangeLog>", "the one root element must be <databaseChangeLog>");
                return;
            }
            Map<String, Kind> attributes = ELEMENTS.get(name);
            if (attributes == null) {
                refuse(xml, "不允许的变更类型或元素 <" + name + ">（只允许建表、改表、索引、约束、序列和插入字面数据）",
                        "<" + name + "> is not allowed: only creating and altering tables, columns, indexes, constraints and sequences, and inserting literal data");
                return;
            }
            if (!open.isEmpty() && !PARENTS.get(name).contains(open.peek())) {
                refuse(xml, "<" + name + "> 不能放在 <" + open.peek() + "> 中", "<" + name + "> may not stand inside <" + open.peek() + ">");
                return;
            }
            if (name.equals("changeSet")) {
                changeSet = xml.getAttributeValue(null, "id");
            }
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String namespace = xml.getAttributeNamespace(i);
                String attribute = xml.getAttributeLocalName(i);
                String value = xml.getAttributeValue(i);
                if (value.contains("${")) {
                    refuse(xml, "属性 " + attribute + " 使用了属性替换 ${…}", "the attribute " + attribute + " uses property substitution ${…}");
                    continue;
                }
                if (namespace != null && !namespace.isEmpty()) {
                    if (!(XSI.equals(namespace) && attribute.equals("schemaLocation") && name.equals("databaseChangeLog"))) {
                        refuse(xml, "不允许的属性 " + xml.getAttributeName(i), "the attribute " + xml.getAttributeName(i) + " is not allowed");
                    }
                    continue;
                }
                Kind kind = attributes.get(attribute);
                if (kind == null) {
                    refuse(xml, "<" + name + "> 不允许属性 " + attribute, "<" + name + "> may not have the attribute " + attribute);
                } else if (!kind.matches(value)) {
                    refuse(xml, "<" + name + "> 的属性 " + attribute + " 不是合法的" + kind.name().toLowerCase(Locale.ROOT) + "：" + shorten(value),
                            "the attribute " + attribute + " of <" + name + "> is not a valid " + kind.name().toLowerCase(Locale.ROOT) + ": " + shorten(value));
                }
            }
            if (name.equals("include")) {
                include(xml);
            }
        }

        private void include(XMLStreamReader xml) {
            String file = xml.getAttributeValue(null, "file");
            if (file == null || !Kind.FILE.matches(file)) {
                return; // refused above, or missing
            }
            boolean relative = "true".equals(xml.getAttributeValue(null, "relativeToChangelogFile"));
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            String target = normalise(relative ? folder + file : file);
            if (target == null) {
                refuse(xml, "包含的文件 " + file + " 在插件包之外", "the included file " + file + " is outside the jar");
            } else {
                includes.push(target);
            }
        }

        private void refuse(XMLStreamReader xml, String zh, String en) {
            int line = xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
            String where = path + (line > 0 ? ":" + line : "") + (changeSet == null ? "" : " (changeSet " + changeSet + ")");
            problems.add(where + ": " + zh + " / " + en);
        }

        private boolean strictUtf8() {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException notUtf8) {
                return false;
            }
        }
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
