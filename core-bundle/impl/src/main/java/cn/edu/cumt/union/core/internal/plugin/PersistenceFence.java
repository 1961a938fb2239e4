package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;

import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import cn.edu.cumt.union.api.storage.Storage;

/**
 * What a unit plugin's persistence units may ask of Aries JPA and EclipseLink. A persistence unit
 * is configuration that acts: it chooses the database (the core's, with every password hash), the
 * unit name other bundles look services up by, mapping files with native SQL, scripts run at start,
 * log and DDL files written to disk, and the JPQL dialect (EclipseLink's own {@code SQL(…)} puts text
 * into the SQL it sends). So: one unit named {@code union-<plugin id>}, RESOURCE_LOCAL on the
 * plugin's own DataSource, EclipseLink, the plugin's own classes (and the core API's converters),
 * no mapping or jar files, and only the properties below, standard JPQL among them. Pure logic.
 */
final class PersistenceFence {

    static final String PROVIDER = "org.eclipse.persistence.jpa.PersistenceProvider";
    /** EclipseLink parses JPQL with the JPA 2.0 grammar: no SQL(), COLUMN(), OPERATOR() or TABLE(). */
    static final String JPQL_VALIDATION = "eclipselink.jpql.validation";
    static final String STANDARD_JPQL = "JPA 2.0";
    /** Files EclipseLink reads as mapping files without being told. */
    static final List<String> IMPLICIT_MAPPING_FILES = List.of("META-INF/orm.xml", "META-INF/eclipselink-orm.xml");

    /** Property name to the values it may take (an empty set: any value of the logging levels). */
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "eclipselink.ddl-generation", Set.of("none"),
            "eclipselink.weaving", Set.of("false"),
            "eclipselink.logging.level", LoggingLevels.ALL,
            "eclipselink.logging.level.sql", LoggingLevels.ALL,
            "eclipselink.logging.parameters", Set.of("true", "false"),
            "eclipselink.cache.shared.default", Set.of("true", "false"),
            JPQL_VALIDATION, Set.of(STANDARD_JPQL));

    private static final class LoggingLevels {
        static final Set<String> ALL = Set.of("OFF", "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL");
    }

    private static final Set<String> UNIT_ELEMENTS = Set.of("description", "provider", "non-jta-data-source", "class",
            "exclude-unlisted-classes", "shared-cache-mode", "validation-mode", "properties");

    private PersistenceFence() {
    }

    /**
     * @param pluginId the plugin's id from its manifest
     * @return every reason to refuse, bilingual; empty when the plugin has no persistence unit or a fenced one
     */
    static List<String> problems(String pluginId, Attributes manifest, Map<String, byte[]> entries) {
        List<String> problems = new ArrayList<>();
        for (String implicit : IMPLICIT_MAPPING_FILES) {
            if (entries.containsKey(implicit)) {
                problems.add("不允许 JPA 映射文件 " + implicit + " / a unit plugin may not have the JPA mapping file " + implicit
                        + " (map entities with annotations)");
            }
        }
        String declared = manifest.getValue("Meta-Persistence");
        List<String> paths = ManifestClauses.parse(declared).names();
        for (String path : paths) {
            if (!path.equals("META-INF/persistence.xml")) {
                problems.add("Meta-Persistence 只能是 META-INF/persistence.xml / Meta-Persistence may only name META-INF/persistence.xml, not " + path);
            }
        }
        byte[] xml = entries.get("META-INF/persistence.xml");
        if (xml == null) {
            return problems;
        }
        Document document;
        try {
            document = ComponentCheck.parser().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException | ParserConfigurationException bad) {
            problems.add("META-INF/persistence.xml 无法安全解析 / META-INF/persistence.xml cannot be parsed safely (DTDs and entities are not allowed): "
                    + bad.getMessage());
            return problems;
        }
        Element root = document.getDocumentElement();
        int units = 0;
        for (Element unit : children(root)) {
            if (!"persistence-unit".equals(localName(unit))) {
                problems.add("persistence.xml 中不允许 <" + localName(unit) + "> / <" + localName(unit) + "> is not allowed in persistence.xml");
                continue;
            }
            units++;
            unit(pluginId, unit, entries, problems);
        }
        if (units > 1) {
            problems.add("单位插件只能有一个持久化单元 / a unit plugin has at most one persistence unit");
        }
        return problems;
    }

    private static void unit(String pluginId, Element unit, Map<String, byte[]> entries, List<String> problems) {
        String expectedName = "union-" + pluginId;
        String name = unit.getAttribute("name");
        if (!expectedName.equals(name)) {
            problems.add("持久化单元须命名为 " + expectedName + " / the persistence unit must be named " + expectedName + ", not " + name);
        }
        if (!"RESOURCE_LOCAL".equals(unit.getAttribute("transaction-type"))) {
            problems.add("持久化单元须为 RESOURCE_LOCAL / the persistence unit must have transaction-type=\"RESOURCE_LOCAL\"");
        }
        String expectedDataSource = "osgi:service/javax.sql.DataSource/(osgi.jndi.service.name="
                + Storage.unitPluginDataSource(pluginId) + ")";
        boolean dataSource = false;
        boolean standardJpql = false;
        for (Element child : children(unit)) {
            String element = localName(child);
            String text = child.getTextContent() == null ? "" : child.getTextContent().trim();
            if (!UNIT_ELEMENTS.contains(element)) {
                problems.add("持久化单元中不允许 <" + element + "> / <" + element + "> is not allowed in a unit plugin's persistence unit"
                        + (element.equals("jta-data-source") ? " (use non-jta-data-source " + expectedDataSource + ")" : ""));
                continue;
            }
            switch (element) {
            case "provider" -> {
                if (!PROVIDER.equals(text)) {
                    problems.add("JPA 实现只能是 EclipseLink / the provider must be " + PROVIDER + ", not " + text);
                }
            }
            case "non-jta-data-source" -> {
                dataSource = true;
                if (!expectedDataSource.equals(text)) {
                    problems.add("持久化单元只能使用本插件的数据源 / a persistence unit may only use " + expectedDataSource + ", not " + text);
                }
            }
            case "class" -> {
                boolean own = entries.containsKey(text.replace('.', '/') + ".class");
                if (!own && !text.startsWith("cn.edu.cumt.union.api.")) {
                    problems.add("持久化单元只能列出本插件的类 / the persistence unit lists " + text
                            + ", which is neither the plugin's own class nor the core API's");
                }
            }
            case "properties" -> {
                for (Element property : children(child)) {
                    String key = property.getAttribute("name");
                    String value = property.getAttribute("value");
                    Set<String> allowed = PROPERTIES.get(key);
                    if (!"property".equals(localName(property)) || allowed == null) {
                        problems.add("不允许的持久化属性 " + key + " / the persistence property " + key + " is not allowed in a unit plugin");
                    } else if (!allowed.contains(value)) {
                        problems.add("持久化属性 " + key + " 的值不允许：" + value + " / " + key + "=" + value
                                + " is not allowed (allowed: " + String.join(", ", allowed) + ")");
                    } else if (key.equals(JPQL_VALIDATION)) {
                        standardJpql = true;
                    }
                }
            }
            default -> {
                // description, exclude-unlisted-classes, shared-cache-mode, validation-mode: harmless
            }
            }
        }
        if (!dataSource) {
            problems.add("持久化单元须使用本插件的数据源 / the persistence unit must name its data source: <non-jta-data-source>"
                    + expectedDataSource + "</non-jta-data-source>");
        }
        if (!standardJpql) {
            problems.add("持久化单元须只接受标准 JPQL / the persistence unit must set <property name=\"" + JPQL_VALIDATION
                    + "\" value=\"" + STANDARD_JPQL + "\"/> (EclipseLink's SQL() would put text into its SQL)");
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
