package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * A unit plugin's changelog as an attacker writes it: every way Liquibase has to run commands, SQL
 * text, Java or read files, and the tricks that would hide them from a check.
 */
public class ChangelogFenceTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n";
    private static final String TAIL = "</databaseChangeLog>\n";

    static String changelog(String changeSets) {
        return HEAD + changeSets + TAIL;
    }

    static String changeSet(String id, String changes) {
        return "  <changeSet id=\"" + id + "\" author=\"MINING\">\n" + changes + "\n  </changeSet>\n";
    }

    static final String GOOD = changeSet("outing-1", """
                <createTable tableName="OUTING_TRIP">
                  <column name="ID" type="BIGINT" autoIncrement="true"><constraints primaryKey="true"/></column>
                  <column name="TITLE" type="VARCHAR(200)"><constraints nullable="false"/></column>
                  <column name="FEE" type="DECIMAL(10, 2)" defaultValueNumeric="0"/>
                  <column name="STARTS_AT" type="TIMESTAMP"/>
                  <column name="OPEN" type="BOOLEAN" defaultValueBoolean="true"/>
                </createTable>
                <createIndex tableName="OUTING_TRIP" indexName="IX_OUTING_TRIP_TITLE"><column name="TITLE"/></createIndex>
                <addUniqueConstraint tableName="OUTING_TRIP" columnNames="TITLE, STARTS_AT" constraintName="UQ_OUTING_TRIP"/>
                <createSequence sequenceName="OUTING_SEQ" startValue="1" incrementBy="1"/>
                <insert tableName="OUTING_TRIP"><column name="TITLE" value="春季踏青 Spring outing"/><column name="FEE" valueNumeric="12.50"/></insert>""");

    private static ChangelogFence.Result check(String xml) {
        return check(Map.of("db/changelog.xml", xml));
    }

    private static ChangelogFence.Result check(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return ChangelogFence.check("db/changelog.xml", bytes::get);
    }

    private static String refused(String xml, String... expected) {
        return refused(Map.of("db/changelog.xml", xml), expected);
    }

    private static String refused(Map<String, String> files, String... expected) {
        ChangelogFence.Result result = check(files);
        String report = String.join("\n", result.problems());
        assertFalse("should be refused:\n" + files, result.passed());
        for (String part : expected) {
            assertTrue(report, report.contains(part));
        }
        return report;
    }

    @Test
    public void declarativeChangesPass() {
        ChangelogFence.Result result = check(changelog(GOOD));
        assertEquals(result.problems().toString(), List.of(), result.problems());
        assertEquals(List.of("db/changelog.xml"), List.copyOf(result.files().keySet()));
    }

    @Test
    public void theShippedUnitPluginsChangelogsPass() throws Exception {
        Path familyday = Path.of("../../plugins/examples/familyday/src/main/resources/db/changelog.xml");
        ChangelogFence.Result result = check(Files.readString(familyday));
        assertEquals(List.of(), result.problems());
    }

    @Test
    public void shellCommandsAreRefusedWithFileLineAndChangeSet() {
        String report = refused(changelog(GOOD + changeSet("evil-1",
                "<executeCommand executable=\"/bin/sh\"><arg value=\"-c\"/><arg value=\"id &gt; /tmp/owned\"/></executeCommand>")),
                "<executeCommand> is not allowed", "changeSet evil-1", "db/changelog.xml:");
        assertTrue(report, report.matches("(?s).*db/changelog\\.xml:1[0-9] \\(changeSet evil-1\\).*"));
    }

    @Test
    public void sqlTextIsRefusedInEveryForm() {
        refused(changelog(changeSet("e1", "<sql>CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE(null, 'SYSTABLES', '/tmp/x.csv', null, null, null)</sql>")),
                "<sql> is not allowed");
        refused(changelog(changeSet("e2", "<sql><![CDATA[CREATE FUNCTION EXIT(CODE INT) RETURNS INT LANGUAGE JAVA PARAMETER STYLE JAVA"
                + " NO SQL EXTERNAL NAME 'java.lang.System.exit']]></sql>")), "<sql> is not allowed");
        refused(changelog(changeSet("e3", "<sqlFile path=\"db/evil.sql\"/>")), "<sqlFile> is not allowed");
        refused(changelog(changeSet("e4", "<createProcedure>CREATE PROCEDURE P() EXTERNAL NAME 'java.lang.Runtime.exec'</createProcedure>")),
                "<createProcedure> is not allowed");
        refused(changelog(changeSet("e5", "<createView viewName=\"V\">SELECT * FROM SYS.SYSTABLES</createView>")), "<createView> is not allowed");
        refused(changelog(changeSet("e6", "<update tableName=\"T\"><column name=\"A\" value=\"1\"/><where>1=1</where></update>")),
                "<update> is not allowed");
        refused(changelog(changeSet("e7", "<delete tableName=\"T\"><where>1=1</where></delete>")), "<delete> is not allowed");
        refused(changelog(changeSet("e8", "<modifySql><append value=\" EXTERNAL NAME 'x'\"/></modifySql>")), "<modifySql> is not allowed");
        refused(changelog(changeSet("e9", "<rollback>DROP TABLE T</rollback>")), "text (such as SQL) is not allowed inside <rollback>");
        refused(changelog("<preConditions><sqlCheck expectedResult=\"0\">SELECT COUNT(*) FROM SYS.SYSTABLES</sqlCheck></preConditions>"),
                "<sqlCheck> is not allowed");
    }

    @Test
    public void javaAndFilesAreRefused() {
        refused(changelog(changeSet("j1", "<customChange class=\"cn.edu.cumt.union.unit.mining.Evil\"/>")), "<customChange> is not allowed");
        refused(changelog("<preConditions><customPrecondition className=\"x.Evil\"/></preConditions>"), "<customPrecondition> is not allowed");
        refused(changelog(changeSet("f1", "<loadData tableName=\"T\" file=\"/etc/passwd\" separator=\":\"/>")), "<loadData> is not allowed");
        refused(changelog(changeSet("f2", "<loadUpdateData tableName=\"T\" file=\"x.csv\" primaryKey=\"ID\"/>")), "<loadUpdateData> is not allowed");
        refused(changelog(changeSet("f3", "<insert tableName=\"T\"><column name=\"B\" valueBlobFile=\"/root/.ssh/id_rsa\"/></insert>")),
                "may not have the attribute valueBlobFile");
        refused(changelog(changeSet("f4", "<insert tableName=\"T\"><column name=\"B\" valueClobFile=\"../../etc/x\"/></insert>")),
                "may not have the attribute valueClobFile");
        refused(changelog("<property file=\"/opt/karaf/etc/cn.edu.cumt.union.auth.cfg\"/>"), "<property> is not allowed");
        refused(changelog("<includeAll path=\"/\"/>"), "<includeAll> is not allowed");
        refused(changelog(changeSet("o1", "<output target=\"STDERR\">hello</output>")), "<output> is not allowed");
    }

    @Test
    public void attributesThatHoldSqlAreRefused() {
        refused(changelog(changeSet("a1", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT\" defaultValueComputed=\"SYSCS_UTIL.F()\"/></createTable>")),
                "may not have the attribute defaultValueComputed");
        refused(changelog(changeSet("a2", "<insert tableName=\"T\"><column name=\"A\" valueComputed=\"(SELECT PASSWORD FROM X)\"/></insert>")),
                "may not have the attribute valueComputed");
        refused(changelog(changeSet("a3", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT GENERATED ALWAYS AS (1)\"/></createTable>")),
                "the attribute type of <column> is not a valid type");
        refused(changelog(changeSet("a4", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT\" defaultValueNumeric=\"0); CALL X(\"/></createTable>")),
                "is not a valid number");
        refused(changelog(changeSet("a5", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT\" defaultValue=\"1' || 'x\"/></createTable>")),
                "is not a valid literal");
        refused(changelog(changeSet("a6", "<createTable tableName=\"T (A INT); CALL X(\"><column name=\"A\" type=\"INT\"/></createTable>")),
                "the attribute tableName of <createTable> is not a valid name");
        refused(changelog(changeSet("a7", "<createTable tableName=\"T\" schemaName=\"SYS\"><column name=\"A\" type=\"INT\"/></createTable>")),
                "may not have the attribute schemaName");
        refused(changelog(changeSet("a8", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT\"><constraints checkConstraint=\"A &gt; 0\"/></column></createTable>")),
                "may not have the attribute checkConstraint");
        refused(changelog(changeSet("a9", "<addForeignKeyConstraint baseTableName=\"A\" baseColumnNames=\"X\" constraintName=\"FK\""
                + " referencedTableName=\"B\" referencedColumnNames=\"ID\" onDelete=\"CASCADE; DROP TABLE B\"/>")), "is not a valid foreign_key_action");
        refused(changelog(changeSet("a10", "<createTable tableName=\"T\"><column name=\"A\" type=\"INT\" computed=\"true\"/></createTable>")),
                "may not have the attribute computed");
    }

    @Test
    public void childElementsCannotStandInForAttributes() {
        // Liquibase reads <column><name>…</name></column> like name="…", and <column><valueComputed> likewise
        refused(changelog(changeSet("c1", "<insert tableName=\"T\"><column name=\"A\"><valueComputed>CURRENT_USER</valueComputed></column></insert>")),
                "<valueComputed> is not allowed");
        refused(changelog(changeSet("c2", "<createTable tableName=\"T\"><comment>x</comment><column name=\"A\" type=\"INT\"/></createTable>")),
                "<comment> may not stand inside <createTable>");
        refused(changelog(changeSet("c3", "<insert tableName=\"T\"><column name=\"A\">text value</column></insert>")),
                "text (such as SQL) is not allowed inside <column>");
    }

    @Test
    public void propertySubstitutionCannotHideAnything() {
        refused(changelog(changeSet("p1", "<createTable tableName=\"${table}\"><column name=\"A\" type=\"INT\"/></createTable>")),
                "uses property substitution");
        // an entity reference that spells the same: the check reads the value Liquibase will read
        refused(changelog(changeSet("p2", "<createTable tableName=\"&#36;{user.home}\"><column name=\"A\" type=\"INT\"/></createTable>")),
                "uses property substitution");
        refused(changelog("  <changeSet id=\"p3\" author=\"${user.name}\"><comment>x</comment></changeSet>\n"), "uses property substitution");
        refused(changelog("  <changeSet id=\"p4\" author=\"x\"><comment>${sql}</comment></changeSet>\n"), "property substitution");
    }

    @Test
    public void xmlTricksAreRefused() {
        refused("<?xml version=\"1.0\"?><!DOCTYPE databaseChangeLog [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + changelog("").substring(changelog("").indexOf("<databaseChangeLog")).replace("</databaseChangeLog>", "&x;</databaseChangeLog>"),
                "db/changelog.xml");
        refused("<databaseChangeLog><sql>CALL X()</sql></databaseChangeLog>", "not in Liquibase's changelog namespace");
        refused(changelog(changeSet("n1", "<ext:sql xmlns:ext=\"http://www.liquibase.org/xml/ns/dbchangelog-ext\">CALL X()</ext:sql>")),
                "not in Liquibase's changelog namespace");
        refused(changelog(changeSet("n2", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>")),
                "not in Liquibase's changelog namespace");
        byte[] utf16 = changelog(changeSet("u1", "<sql>CALL X()</sql>")).replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
        ChangelogFence.Result result = ChangelogFence.check("db/changelog.xml", path -> utf16);
        assertTrue(result.problems().toString(), result.problems().get(0).contains("must be UTF-8"));
        byte[] big = new byte[ChangelogFence.MAX_BYTES + 1];
        assertTrue(ChangelogFence.check("db/changelog.xml", path -> big).problems().get(0).contains("larger than"));
    }

    @Test
    public void includesStayInsideTheJarAndAreCheckedToo() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/changelog.xml", changelog("<include file=\"more/second.xml\" relativeToChangelogFile=\"true\"/>"));
        files.put("db/more/second.xml", changelog(GOOD));
        ChangelogFence.Result result = check(files);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("db/changelog.xml", "db/more/second.xml"), List.copyOf(result.files().keySet()));

        files.put("db/more/second.xml", changelog(changeSet("hidden", "<sql>CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('/tmp')</sql>")));
        refused(files, "db/more/second.xml:", "(changeSet hidden)", "<sql> is not allowed");

        refused(changelog("<include file=\"../../../etc/evil.xml\" relativeToChangelogFile=\"true\"/>"), "is not a valid file");
        refused(changelog("<include file=\"more/../../../etc/evil.xml\" relativeToChangelogFile=\"true\"/>"), "outside the jar");
        refused(changelog("<include file=\"file:///etc/passwd\"/>"), "is not a valid file");
        refused(changelog("<include file=\"evil.sql\" relativeToChangelogFile=\"true\"/>"), "is not a valid file");
        refused(changelog("<include file=\"cn/edu/cumt/union/core/db/other.xml\"/>"), "is not in the jar");
        assertFalse(ChangelogFence.check("../db/changelog.xml", path -> null).passed());
        assertFalse(ChangelogFence.check("db/changelog.yaml", path -> new byte[0]).passed());
    }

    @Test
    public void includeCyclesAndFloodsEnd() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/changelog.xml", changelog("<include file=\"db/changelog.xml\"/>"));
        assertEquals(List.of(), check(files).problems());
        Map<String, byte[]> flood = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String next = "<include file=\"db/f" + (i + 1) + ".xml\"/>";
            flood.put(i == 0 ? "db/changelog.xml" : "db/f" + i + ".xml", changelog(next).getBytes(StandardCharsets.UTF_8));
        }
        ChangelogFence.Result result = ChangelogFence.check("db/changelog.xml", flood::get);
        assertTrue(result.problems().toString(), result.problems().toString().contains("more than " + ChangelogFence.MAX_FILES));
    }
}
