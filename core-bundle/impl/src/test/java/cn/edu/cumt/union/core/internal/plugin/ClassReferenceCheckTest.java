package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Real attacks, compiled from source in the test, and a plugin written the ordinary way that must
 * pass. Each refusal must name the class and what it reached for.
 */
public class ClassReferenceCheckTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static final String P = FenceJars.PACKAGE + ".";
    private static Map<String, byte[]> attacks;
    private static List<String> problems;

    @BeforeClass
    public static void compileTheAttacks() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("ReadsFile", "public class ReadsFile { public byte[] read() throws Exception {"
                + " return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/etc/passwd\")); } }");
        sources.put("OpensFileStream", "public class OpensFileStream { public java.io.InputStream open() throws Exception {"
                + " return new java.io.FileInputStream(\"/etc/passwd\"); } }");
        sources.put("OpensSocket", "public class OpensSocket { public void open() throws Exception {"
                + " new java.net.Socket(\"127.0.0.1\", 22).close(); } }");
        sources.put("LoadsClass", "public class LoadsClass { public Object load() throws Exception {"
                + " return Class.forName(\"java.lang.Runtime\"); } }");
        sources.put("SetsAccessible", "public class SetsAccessible { public void open(Object target) throws Exception {"
                + " var field = target.getClass().getDeclaredField(\"secret\"); field.setAccessible(true); } }");
        sources.put("StartsThread", "public class StartsThread { public void start() { new Thread(() -> { }).start(); } }");
        sources.put("RunsProcess", "public class RunsProcess { public void run() throws Exception {"
                + " Runtime.getRuntime().exec(\"id\"); new ProcessBuilder(\"id\").start(); } }");
        sources.put("Exits", "public class Exits { public void stop() { System.exit(1); } }");
        sources.put("ReadsEnvironment", "public class ReadsEnvironment { public String home() { return System.getenv(\"HOME\"); } }");
        sources.put("NativeQuery", "public class NativeQuery { public Object run(javax.persistence.EntityManager em) {"
                + " return em.createNativeQuery(\"SELECT * FROM SYS.SYSTABLES\").getResultList(); } }");
        sources.put("Unwraps", "public class Unwraps { public Object connection(javax.persistence.EntityManager em) {"
                + " return em.unwrap(java.sql.Connection.class); } }");
        sources.put("RestClient", "public class RestClient { public String call() {"
                + " return javax.ws.rs.client.ClientBuilder.newClient().target(\"http://127.0.0.1:8181\").request().get(String.class); } }");
        sources.put("UnwrapsTypedQuery", "public class UnwrapsTypedQuery { public Object provider(javax.persistence.EntityManager em) {"
                + " return em.createQuery(\"SELECT 1\", Integer.class).unwrap(Object.class); } }");
        sources.put("MethodReference", "public class MethodReference { public java.util.function.Supplier<Object> runtime() {"
                + " return Runtime::getRuntime; } }");
        sources.put("ParallelStream", "public class ParallelStream { public long count(java.util.List<String> list) {"
                + " return list.stream().parallel().count(); } }");
        sources.put("OwnFuture", "public class OwnFuture<T> extends java.util.concurrent.CompletableFuture<T> {"
                + " public static Object spawn() { return OwnFuture.supplyAsync(() -> 1); } }");
        sources.put("PropertyReader", "public class PropertyReader { public boolean debug() { return Boolean.getBoolean(\"x\"); } }");
        sources.put("NativeQueryEntity", "@javax.persistence.Entity @javax.persistence.NamedNativeQuery(name = \"x\", query = \"CALL X()\")"
                + " public class NativeQueryEntity { @javax.persistence.Id long id; }");
        // a table "name" that EclipseLink would put after FROM as it is: Derby's log reader reads any file
        sources.put("FileTableEntity", "@javax.persistence.Entity @javax.persistence.Table(name = \"TABLE(SYSCS_DIAG.ERROR_LOG_READER('/etc/passwd')) T\")"
                + " public class FileTableEntity { @javax.persistence.Id long id;"
                + " @javax.persistence.Column(name = \"A\", columnDefinition = \"INT GENERATED ALWAYS AS (1)\") int a; }");
        sources.put("NamedEntity", "@javax.persistence.Entity(name = \"SYS.SYSTABLES\") public class NamedEntity { @javax.persistence.Id long id; }");
        sources.put("OtherSchemaEntity", "@javax.persistence.Entity @javax.persistence.Table(name = \"SYSTABLES\", schema = \"SYS\","
                + " indexes = @javax.persistence.Index(columnList = \"A); CALL X(\"),"
                + " uniqueConstraints = @javax.persistence.UniqueConstraint(columnNames = { \"A\", \"B C\" }))"
                + " public class OtherSchemaEntity { @javax.persistence.Id long id; }");
        sources.put("PlainEntity", "@javax.persistence.Entity @javax.persistence.Table(name = \"OUTING_TRIP\","
                + " indexes = @javax.persistence.Index(name = \"IX_TRIP\", columnList = \"TITLE, STARTS_AT DESC\"))"
                + " public class PlainEntity { @javax.persistence.Id long id; @javax.persistence.Column(name = \"TITLE\", length = 200) String title;"
                + " @javax.persistence.OneToMany @javax.persistence.OrderBy(\"title ASC\") java.util.List<PlainEntity> children; }");
        sources.put("SqlHint", "public class SqlHint { public Object q(javax.persistence.EntityManager em) {"
                + " return em.createQuery(\"SELECT 1 FROM X x\").setHint(\"eclipselink.sql.hint\", \"* FROM SYS.SYSTABLES --\").getResultList(); } }");
        sources.put("ClassTyped", "public class ClassTyped { @com.fasterxml.jackson.annotation.JsonTypeInfo("
                + "use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS) public Object payload; }");
        attacks = FenceJars.compile(FOLDER.newFolder("attacks").toPath(), sources);
        attacks.putAll(generated());
        // one class at a time: the reply to a whole jar is capped
        problems = new java.util.ArrayList<>();
        for (Map.Entry<String, byte[]> attack : attacks.entrySet()) {
            problems.addAll(check(Map.of(attack.getKey(), attack.getValue())));
        }
    }

    @Test
    public void fileAccessIsRefused() {
        assertRefused("ReadsFile", "java.nio.file.Files#readAllBytes");
        assertRefused("ReadsFile", "java.nio.file.Path#of");
        assertRefused("OpensFileStream", "java.io.FileInputStream#<init>");
    }

    @Test
    public void socketsAndHttpClientsAreRefused() {
        assertRefused("OpensSocket", "java.net.Socket#<init>");
        assertRefused("RestClient", "javax.ws.rs.client.ClientBuilder#newClient");
    }

    @Test
    public void reflectionAndClassLoadingAreRefused() {
        assertRefused("LoadsClass", "java.lang.Class#forName");
        assertRefused("SetsAccessible", "java.lang.Class#getDeclaredField");
        assertRefused("SetsAccessible", "java.lang.reflect.Field#setAccessible");
    }

    @Test
    public void threadsProcessesAndTheJvmAreRefused() {
        assertRefused("StartsThread", "java.lang.Thread#start");
        assertRefused("RunsProcess", "java.lang.Runtime#exec");
        assertRefused("RunsProcess", "java.lang.ProcessBuilder#start");
        assertRefused("Exits", "java.lang.System#exit");
        assertRefused("ReadsEnvironment", "java.lang.System#getenv");
        assertRefused("PropertyReader", "java.lang.Boolean#getBoolean");
    }

    @Test
    public void nativeSqlAndTheConnectionUnderneathAreRefused() {
        assertRefused("NativeQuery", "javax.persistence.EntityManager#createNativeQuery");
        assertRefused("Unwraps", "javax.persistence.EntityManager#unwrap");
        assertRefused("Unwraps", "java.sql.Connection");
        assertRefused("NativeQueryEntity", "javax.persistence.NamedNativeQuery");
        assertRefused("SqlHint", "javax.persistence.Query#setHint");
    }

    @Test
    public void mappingNamesMustBePlainSqlNames() {
        assertRefused("FileTableEntity", "@Table(name=\"TABLE(SYSCS_DIAG.ERROR_LOG_READER('/etc/passwd')) T\") 不是简单的 SQL 名称");
        assertRefused("FileTableEntity", "@Column(columnDefinition=\"INT GENERATED ALWAYS AS (1)\")");
        assertRefused("OtherSchemaEntity", "@Table(schema=\"SYS\")");
        assertRefused("NamedEntity", "@Entity(name=\"SYS.SYSTABLES\")");
        assertRefused("OtherSchemaEntity", "@Index(columnList=\"A); CALL X(\")");
        assertRefused("OtherSchemaEntity", "@UniqueConstraint(columnNames=\"B C\")");
        String plain = String.join("\n", problems).replace(P + "PlainEntity$", "");
        assertTrue(plain, !plain.contains(P + "PlainEntity "));
    }

    @Test
    public void aDeniedMemberIsDeniedThroughSubtypesToo() {
        // TypedQuery#unwrap is Query#unwrap; Stream#parallel is BaseStream#parallel
        assertRefused("UnwrapsTypedQuery", "javax.persistence.TypedQuery#unwrap");
        assertRefused("ParallelStream", "java.util.stream.Stream#parallel");
        // a static method reached through the plugin's own subclass
        assertRefused("OwnFuture", P + "OwnFuture#supplyAsync");
    }

    @Test
    public void methodHandlesAndAnnotationValuesAreRead() {
        assertRefused("MethodReference", "java.lang.Runtime#getRuntime");
        assertRefused("ClassTyped", "com.fasterxml.jackson.annotation.JsonTypeInfo$Id#CLASS");
    }

    @Test
    public void bytecodeJavacWouldNotWriteIsReadToo() {
        assertRefused("InvisibleAnnotation", "java.lang.Thread");
        assertRefused("LdcHandle", "java.lang.Runtime#exec");
        assertRefused("LdcHandle", "java.lang.invoke.MethodHandle");
        assertRefused("OwnBootstrap", "java.lang.invoke.ConstantBootstraps#invoke");
        assertRefused("UnusedConstant", "java.lang.ProcessBuilder#start");
        assertContains("looks like a class but does not parse");
        assertContains("the resource cn/edu/cumt/union/plugin/evil/internal/payload.bin is a class file in disguise");
        assertContains("declares the class java.lang.Evil");
    }

    @Test
    public void theListIsCappedAndCounted() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            StringBuilder body = new StringBuilder("public class Wide" + i + " { public Object[] all() { return new Object[] {");
            for (String type : List.of("java.net.Socket", "java.net.ServerSocket", "java.net.URL", "java.io.File", "java.io.FileReader",
                    "java.io.FileWriter", "java.io.RandomAccessFile", "java.io.FileOutputStream", "java.io.PrintStream")) {
                body.append(' ').append(type).append(".class,");
            }
            sources.put("Wide" + i, body.append(" }; } }").toString());
        }
        List<String> listed = check(FenceJars.compile(newFolder(), sources));
        long references = listed.stream().filter(line -> line.contains(" -> ")).count();
        assertEquals(listed.toString(), ClassReferenceCheck.LISTED, references);
        assertTrue(listed.toString(), listed.get(listed.size() - 1).contains("22 more references not allowed, not listed"));
    }

    @Test
    public void anOrdinaryPluginPasses() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("ActivityDTO", "public record ActivityDTO(long id, String title, java.time.Instant startsAt) { }");
        sources.put("Kind", "public enum Kind { OUTING, TALK }");
        sources.put("ActivityEntity", "import javax.persistence.*;\n"
                + "@Entity @Table(name = \"OUTING_ACTIVITY\") @NamedQuery(name = \"all\", query = \"SELECT a FROM ActivityEntity a\")"
                + " public class ActivityEntity { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;"
                + " @Column(name = \"TITLE\") String title; @Version int version; @Enumerated(EnumType.STRING) Kind kind;"
                + " ActivityDTO toDTO() { return new ActivityDTO(id, title, java.time.Instant.EPOCH); } }");
        sources.put("ActivityService", "import java.util.*; import java.util.stream.*;\n"
                + "import org.apache.aries.jpa.template.*;\n"
                + "@org.osgi.service.component.annotations.Component(service = ActivityService.class)\n"
                + "public class ActivityService {\n"
                + "  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActivityService.class);\n"
                + "  private final JpaTemplate jpa;\n"
                + "  @org.osgi.service.component.annotations.Activate\n"
                + "  public ActivityService(@org.osgi.service.component.annotations.Reference(target = \"(osgi.unit.name=union-outing)\") JpaTemplate jpa) { this.jpa = jpa; }\n"
                + "  public List<ActivityDTO> list(String q) {\n"
                + "    LOG.info(\"listing \" + q + \" at \" + java.time.Clock.systemUTC().instant());\n"
                + "    return jpa.txExpr(TransactionType.Required, em -> em.createQuery(\"SELECT a FROM ActivityEntity a\", ActivityEntity.class)\n"
                + "        .setMaxResults(500).getResultList().stream().map(ActivityEntity::toDTO).collect(Collectors.toList()));\n"
                + "  }\n"
                + "  public String describe(Object o, Kind kind) {\n"
                + "    String k = switch (kind) { case OUTING -> \"outing\"; case TALK -> \"talk\"; };\n"
                + "    if (o instanceof String s && !s.isBlank()) { return k + s.strip(); }\n"
                + "    Map<String, Integer> counts = new TreeMap<>(); counts.merge(k, 1, Integer::sum);\n"
                + "    java.math.BigDecimal money = new java.math.BigDecimal(\"1.50\");\n"
                + "    return String.format(\"%s %s %s\", k, counts, money) + Optional.ofNullable(o).map(Object::toString).orElse(\"\");\n"
                + "  }\n"
                + "  public byte[] export() throws java.io.IOException {\n"
                + "    try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) { out.write(1); return out.toByteArray(); }\n"
                + "  }\n"
                + "}");
        sources.put("ActivityResource", "import javax.ws.rs.*; import javax.ws.rs.core.*;\n"
                + "@cn.edu.cumt.union.api.rest.UnionResource @Path(\"/outing/activities\") @Produces(MediaType.APPLICATION_JSON)\n"
                + "public class ActivityResource {\n"
                + "  private final ActivityService service = null;\n"
                + "  @GET @javax.annotation.security.RolesAllowed(cn.edu.cumt.union.api.security.Roles.MEMBER)\n"
                + "  public Response list(@Context SecurityContext security, @QueryParam(\"q\") String q) {\n"
                + "    cn.edu.cumt.union.api.security.UnionPrincipal caller = cn.edu.cumt.union.api.security.UnionPrincipal.of(security);\n"
                + "    if (q == null) { throw cn.edu.cumt.union.api.rest.ApiException.missingField(\"q\"); }\n"
                + "    return Response.ok(service.list(q)).build();\n"
                + "  }\n"
                + "}");
        List<String> found = check(FenceJars.compile(newFolder(), sources));
        assertEquals(List.of(), found);
    }

    /** The review flow, duties and task list are for unit plugins too: the allow-list takes them deliberately. */
    @Test
    public void aUnitPluginMayDeclareAFlowAskForDutiesAndListItsTasks() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("OutingTasks", "import cn.edu.cumt.union.api.flow.*; import cn.edu.cumt.union.api.task.*;\n"
                + "import cn.edu.cumt.union.api.security.*; import java.util.*;\n"
                + "@org.osgi.service.component.annotations.Component(service = TaskSource.class)\n"
                + "public class OutingTasks implements TaskSource {\n"
                + "  static final FlowDefinition FLOW = new FlowDefinition(\"outing\", List.of(new Stage(\"unit\", \"单位审核\",\n"
                + "      Actor.unitAdmins(), Set.of(FlowAction.APPROVE, FlowAction.RETURN), 7),\n"
                + "      new Stage(\"experts\", \"专家\", Actor.duty(\"reviewer\"), Set.of(FlowAction.APPROVE, FlowAction.REJECT), 0)), true);\n"
                + "  private final Flows flows = null; private final cn.edu.cumt.union.api.duty.Duties duties = null;\n"
                + "  public List<TaskDTO> tasksFor(UnionPrincipal user) {\n"
                + "    java.time.Instant now = java.time.Instant.now();\n"
                + "    FlowCase c = flows.submit(FLOW, user, 5, now).after();\n"
                + "    boolean expert = duties.holds(1, \"reviewer\", 5, java.time.LocalDate.now());\n"
                + "    FlowStep step = flows.act(FLOW, c, user, FlowAction.APPROVE, \"unit\", null, now).step();\n"
                + "    return expert && flows.waitsOn(FLOW, c, user, now) ? List.of(new TaskDTO(step.actor(), \"/api/outing/x/1\",\n"
                + "        c.state().label(), c.since(), flows.due(FLOW, c))) : List.of();\n"
                + "  }\n"
                + "}");
        assertEquals(List.of(), check(FenceJars.compile(newFolder(), sources)));
    }

    /**
     * Ballots are for unit plugins too (a unit's own 评选): the allow-list takes api.ballot, and the
     * bundle-scoped service keeps them to their unit (ScopedBallots, BallotServiceTest).
     */
    @Test
    public void aUnitPluginMayOpenABallot() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("OutingVote", "import cn.edu.cumt.union.api.ballot.*; import cn.edu.cumt.union.api.directory.Audience;\n"
                + "import java.util.*;\n"
                + "public class OutingVote {\n"
                + "  private final Ballots ballots = null;\n"
                + "  long open(long unit, java.time.Instant at) {\n"
                + "    BallotDTO b = ballots.create(new BallotDefinition(\"最佳线路\", List.of(new BallotOption(\"a\", \"云龙湖\", null)),\n"
                + "        at, at.plusSeconds(3600), true, Audience.units(List.of(unit), true), null, 1, Map.of()));\n"
                + "    return ballots.tally(b.id()).map(TallyDTO::voters).orElse(0L);\n"
                + "  }\n"
                + "}");
        assertEquals(List.of(), check(FenceJars.compile(newFolder(), sources)));
    }

    private static List<String> check(Map<String, byte[]> classes) {
        PluginConfig config = FenceJars.defaults();
        return new ClassReferenceCheck(new ReferencePolicy(Arrays.asList(config.unit_allowed_references()),
                Arrays.asList(config.unit_denied_references()), Arrays.asList(config.unit_allowed_bootstraps())),
                ClassReferenceCheckTest.class.getClassLoader()).problems(classes);
    }

    private static java.nio.file.Path newFolder() {
        try {
            return FOLDER.newFolder().toPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(String simpleName, String reference) {
        assertContains(P + simpleName + " -> " + reference);
    }

    private static void assertContains(String expected) {
        assertTrue("expected '" + expected + "' in:\n" + String.join("\n", problems),
                problems.stream().anyMatch(problem -> problem.contains(expected)));
    }

    /** Class files javac would not write, made with ASM. */
    private static Map<String, byte[]> generated() {
        String base = FenceJars.PACKAGE.replace('.', '/') + "/";
        Map<String, byte[]> classes = new LinkedHashMap<>();

        ClassWriter invisible = classWriter(base + "InvisibleAnnotation");
        invisible.visitAnnotation("Ljava/lang/Thread;", false).visitEnd();
        classes.put(base + "InvisibleAnnotation.class", invisible.toByteArray());

        ClassWriter ldc = classWriter(base + "LdcHandle");
        MethodVisitor handle = ldc.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "handle", "()Ljava/lang/Object;", null, null);
        handle.visitCode();
        handle.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "exec", "(Ljava/lang/String;)Ljava/lang/Process;", false));
        handle.visitInsn(Opcodes.ARETURN);
        handle.visitMaxs(0, 0);
        handle.visitEnd();
        classes.put(base + "LdcHandle.class", ldc.toByteArray());

        ClassWriter indy = classWriter(base + "OwnBootstrap");
        MethodVisitor call = indy.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call", "()Ljava/lang/Object;", null, null);
        call.visitCode();
        call.visitInvokeDynamicInsn("x", "()Ljava/lang/Object;", new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps",
                "invoke", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;",
                false));
        call.visitInsn(Opcodes.ARETURN);
        call.visitMaxs(0, 0);
        call.visitEnd();
        classes.put(base + "OwnBootstrap.class", indy.toByteArray());

        // a member entry in the constant pool that no instruction uses
        ClassWriter unused = classWriter(base + "UnusedConstant");
        unused.newMethod("java/lang/ProcessBuilder", "start", "()Ljava/lang/Process;", false);
        classes.put(base + "UnusedConstant.class", unused.toByteArray());

        classes.put(base + "Broken.class", new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1 });
        classes.put(base + "payload.bin", classWriter(base + "Payload").toByteArray());
        classes.put(base + "Impostor.class", classWriter("java/lang/Evil").toByteArray());
        return classes;
    }

    private static ClassWriter classWriter(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        return writer;
    }
}
