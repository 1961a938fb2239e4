package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a unit plugin asks the framework's extenders to do for it: its Declarative Services
 * components (no whiteboard properties that would put a filter, servlet or application in front of
 * the platform, no ranking to shadow the core's services, no services of the framework's or the
 * HTTP stack's types, only its own classes as implementations), its manifest (no activator, no
 * capabilities but services, no class path, no multi-release, no Blueprint, SPI Fly or console
 * commands) and XML that would define native SQL. Pure logic.
 */
final class ComponentCheck {

    /** Component property names (prefixes) that reach into the platform's HTTP, JAX-RS or service ordering. */
    static final List<String> DENIED_PROPERTIES = List.of("osgi.jaxrs.", "osgi.http.whiteboard.", "service.ranking");
    /**
     * Service interfaces a unit plugin may not provide. A notification channel gets every member's
     * notices (and email address), so only the platform's own bundles may add one.
     */
    static final List<String> DENIED_SERVICES = List.of("javax.ws.rs.", "javax.servlet.", "org.osgi.service.http.",
            "org.osgi.framework.hooks.", "org.osgi.service.cm.", "org.osgi.service.event.", "java.",
            "cn.edu.cumt.union.api.notify.NotificationChannel");
    /** Headers extenders act on: each runs code or registers something outside the plugin's components. */
    static final List<String> DENIED_HEADERS = List.of("Bundle-Activator", "Extension-Bundle", "Bundle-Blueprint", "Karaf-Commands",
            "SPI-Provider", "SPI-Consumer", "Web-ContextPath");
    /** JPA mapping elements that define native SQL or stored procedure calls. */
    private static final Pattern NATIVE_SQL = Pattern.compile(
            "<\\s*(?:[\\w-]+:)?(named-native-query|sql-result-set-mapping|named-stored-procedure-query|named-stored-function-query|named-plsql-[\\w-]+)\\b");

    List<String> problems(Attributes manifest, Map<String, byte[]> entries) {
        List<String> problems = new ArrayList<>();
        headers(manifest, problems);
        Set<String> descriptors = new LinkedHashSet<>();
        for (String path : ManifestClauses.parse(manifest.getValue("Service-Component")).names()) {
            Pattern glob = Pattern.compile(Pattern.quote(path).replace("*", "\\E[^/]*\\Q"));
            entries.keySet().stream().filter(name -> glob.matcher(name).matches()).forEach(descriptors::add);
        }
        for (String name : entries.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("osgi-inf/blueprint/")) {
                problems.add("不允许 Blueprint 描述 " + name + " / Blueprint descriptors are not allowed in a unit plugin: " + name);
            }
            if (lower.startsWith("osgi-inf/") && lower.endsWith(".xml") && !lower.startsWith("osgi-inf/metatype/")) {
                descriptors.add(name);
            }
            if (lower.endsWith(".xml") && NATIVE_SQL.matcher(new String(entries.get(name), StandardCharsets.UTF_8)).find()) {
                problems.add("不允许在 " + name + " 中定义原生 SQL / " + name + " defines a native SQL or stored procedure query");
            }
        }
        for (String descriptor : descriptors) {
            components(descriptor, entries, problems);
        }
        return problems;
    }

    private void headers(Attributes manifest, List<String> problems) {
        for (String header : DENIED_HEADERS) {
            if (value(manifest, header) != null) {
                problems.add("不允许使用 " + header + " / " + header + " is not allowed in a unit plugin");
            }
        }
        String classPath = value(manifest, "Bundle-ClassPath");
        if (classPath != null && !ManifestClauses.parse(classPath).names().equals(List.of("."))) {
            problems.add("Bundle-ClassPath 只能是 . / Bundle-ClassPath must be \".\" in a unit plugin, not " + classPath);
        }
        if ("true".equalsIgnoreCase(value(manifest, "Multi-Release"))) {
            problems.add("不允许 Multi-Release / Multi-Release: true is not allowed in a unit plugin");
        }
        for (String namespace : ManifestClauses.parse(value(manifest, "Provide-Capability")).names()) {
            if (!namespace.equals("osgi.service")) {
                problems.add("不允许提供能力 " + namespace + " / a unit plugin may provide only osgi.service capabilities, not " + namespace);
            }
        }
    }

    private void components(String descriptor, Map<String, byte[]> entries, List<String> problems) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(entries.get(descriptor)));
        } catch (SAXException | IOException | ParserConfigurationException bad) {
            problems.add("组件描述 " + descriptor + " 无法安全解析 / the component descriptor " + descriptor
                    + " cannot be parsed safely (DTDs and entities are not allowed): " + bad.getMessage());
            return;
        }
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element component = (Element) all.item(i);
            if (!"component".equals(localName(component))) {
                continue;
            }
            String name = component.getAttribute("name");
            String where = "组件 " + name + "（" + descriptor + "）";
            String whereEn = "the component " + name + " (" + descriptor + ")";
            for (Element child : children(component)) {
                switch (localName(child)) {
                case "implementation" -> {
                    String type = child.getAttribute("class");
                    if (!entries.containsKey(type.replace('.', '/') + ".class")) {
                        problems.add(where + " 的实现类不在插件内 / " + whereEn + " is implemented by " + type + ", which is not the plugin's own class");
                    }
                }
                case "property", "factory-property" -> {
                    String value = child.hasAttribute("value") ? child.getAttribute("value") : child.getTextContent();
                    property(child.getAttribute("name"), value == null ? "" : value.trim(), where, whereEn, problems);
                }
                case "properties", "factory-properties" -> {
                    byte[] file = entries.get(child.getAttribute("entry"));
                    if (file != null) {
                        Properties properties = new Properties();
                        try {
                            properties.load(new ByteArrayInputStream(file));
                        } catch (IOException | IllegalArgumentException unreadable) {
                            problems.add(where + " 的属性文件无法读取 / " + whereEn + " names an unreadable properties file");
                        }
                        properties.forEach((key, value) -> property(key.toString(), value.toString().trim(), where, whereEn, problems));
                    }
                }
                case "service" -> {
                    for (Element provide : children(child)) {
                        String type = provide.getAttribute("interface");
                        if ("provide".equals(localName(provide)) && DENIED_SERVICES.stream().anyMatch(type::startsWith)) {
                            problems.add(where + " 不能提供服务 " + type + " / " + whereEn + " may not provide the service " + type);
                        }
                    }
                }
                default -> {
                    // references, activate methods and the rest only concern the plugin itself
                }
                }
            }
        }
    }

    private void property(String name, String value, String where, String whereEn, List<String> problems) {
        // A resource joins its plugin's own application through union.resource=true, which the core reads: no exception needed.
        if (DENIED_PROPERTIES.stream().anyMatch(name::startsWith)) {
            problems.add(where + " 不能设置属性 " + name + " / " + whereEn + " may not set the property " + name + "=" + value);
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

    private static String value(Attributes manifest, String header) {
        String value = manifest.getValue(header);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The JDK's own parser (not whatever the framework's locator finds), with DTDs and external entities off. */
    static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // errors become exceptions, not lines on stderr
        builder.setErrorHandler(null);
        return builder;
    }
}
