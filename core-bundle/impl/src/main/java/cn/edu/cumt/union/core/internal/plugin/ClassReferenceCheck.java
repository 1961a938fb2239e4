package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Reads every class of a unit plugin's jar with ASM (never loading it) and lists each reference to
 * a type or member outside the {@link ReferencePolicy}: superclass, interfaces, fields, methods and
 * their descriptors and signatures, every instruction's owner and descriptor, constant-pool class
 * and member entries, {@code ldc} of types and method handles, invokedynamic bootstrap methods and
 * their arguments, annotations (invisible ones too, and their enum and class values), exception
 * tables, local variables, stack map frames, record components. The plugin's own classes are
 * always allowed. Pure logic; the supertypes of library types come from a class loader.
 */
final class ClassReferenceCheck {

    /** The most offending references listed one by one; the rest are counted. */
    static final int LISTED = 50;
    private static final int MAGIC = 0xCAFEBABE;
    /** java.lang.invoke types that javac puts into a class only for its bootstrap calls. */
    private static final Set<String> BOOTSTRAP_TYPES = Set.of("java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodHandles", "java.lang.invoke.MethodHandle", "java.lang.invoke.MethodType",
            "java.lang.invoke.CallSite");

    private final ReferencePolicy policy;
    private final LibraryTypes library;

    ClassReferenceCheck(ReferencePolicy policy, ClassLoader libraries) {
        this.policy = policy;
        this.library = new LibraryTypes(libraries);
    }

    /** @param entries the jar's file entries by name */
    List<String> problems(Map<String, byte[]> entries) {
        List<String> problems = new ArrayList<>();
        Map<String, ClassReader> classes = new TreeMap<>();
        Map<String, String[]> ownSupertypes = new HashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            byte[] bytes = entry.getValue();
            boolean classFile = name.endsWith(".class");
            if (!classFile && !looksLikeClass(bytes)) {
                continue;
            }
            ClassReader reader;
            try {
                reader = new ClassReader(bytes);
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                }, 0);
            } catch (RuntimeException broken) {
                problems.add("类文件 " + name + " 无法解析 / " + name + " looks like a class but does not parse");
                continue;
            }
            String binary = reader.getClassName().replace('/', '.');
            if (classFile && !name.equals("module-info.class") && !name.equals(reader.getClassName() + ".class")) {
                problems.add("类文件 " + name + " 的类名不符（" + binary + "）/ " + name + " declares the class " + binary);
                continue;
            }
            if (!classFile) {
                problems.add("资源 " + name + " 实为类文件 / the resource " + name + " is a class file in disguise");
            }
            classes.put(binary, reader);
            List<String> supers = new ArrayList<>();
            if (reader.getSuperName() != null) {
                supers.add(reader.getSuperName().replace('/', '.'));
            }
            for (String itf : reader.getInterfaces()) {
                supers.add(itf.replace('/', '.'));
            }
            ownSupertypes.put(binary, supers.toArray(new String[0]));
        }
        Map<String, Set<String>> offences = new TreeMap<>();
        for (Map.Entry<String, ClassReader> each : classes.entrySet()) {
            Collector collector = new Collector();
            try {
                each.getValue().accept(collector, 0);
                constantPool(each.getValue(), collector);
            } catch (RuntimeException broken) {
                problems.add("类 " + each.getKey() + " 无法解析 / the class " + each.getKey() + " does not parse: " + broken);
                continue;
            }
            Set<String> refused = new TreeSet<>();
            Judge judge = new Judge(ownSupertypes);
            for (String type : collector.types) {
                if (!judge.typeAllowed(type)) {
                    refused.add(type);
                }
            }
            for (String[] member : collector.members) {
                if (!judge.memberAllowed(member[0], member[1], member[2])) {
                    refused.add(member[0].replace('/', '.') + "#" + member[1]);
                }
            }
            for (String mapping : collector.mappings) {
                refused.add(mapping + " 不是简单的 SQL 名称 / is not a plain SQL name (letters, digits, _; no schema, catalog or column definition)");
            }
            // "T#m" says more than "T" alone
            refused.removeIf(ref -> ref.indexOf('#') < 0 && refused.stream().anyMatch(other -> other.startsWith(ref + "#")));
            if (!refused.isEmpty()) {
                offences.put(each.getKey(), refused);
            }
        }
        int count = 0;
        for (Map.Entry<String, Set<String>> offender : offences.entrySet()) {
            for (String reference : offender.getValue()) {
                if (count++ < LISTED) {
                    problems.add("不允许的引用 / reference not allowed: " + offender.getKey() + " -> " + reference);
                }
            }
        }
        if (count > LISTED) {
            problems.add("另有 " + (count - LISTED) + " 处不允许的引用未列出 / " + (count - LISTED) + " more references not allowed, not listed");
        }
        return problems;
    }

    private static boolean looksLikeClass(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff)) == MAGIC;
    }

    /** Class and member entries of the constant pool, used or not: nothing the visitor misses gets through. */
    private void constantPool(ClassReader reader, Collector collector) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            switch (tag) {
            case 7 -> { // Class
                String name = reader.readUTF8(offset, buffer);
                String binary = binaryOf(name);
                // javac adds these for the InnerClasses entry of a lambda or record; a real use is seen by the visitor
                if (binary != null && !BOOTSTRAP_TYPES.contains(binary) && !policy.bootstrapOwners().contains(binary)) {
                    collector.internalOrArray(name);
                }
            }
            case 9, 10, 11 -> { // Fieldref, Methodref, InterfaceMethodref
                String owner = reader.readClass(offset, buffer);
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                collector.member(owner, reader.readUTF8(nameAndType, buffer), reader.readUTF8(nameAndType + 2, buffer));
            }
            case 16 -> collector.descriptor(reader.readUTF8(offset, buffer)); // MethodType
            default -> {
                // Utf8, numbers, strings, NameAndType (read with its member), MethodHandle (points to a member
                // entry), Dynamic and InvokeDynamic (read by the visitor with their bootstrap methods)
            }
            }
        }
    }

    /** @return the binary name of an internal name, null for an array descriptor */
    private static String binaryOf(String internal) {
        return internal.startsWith("[") ? null : internal.replace('/', '.');
    }

    /** Decides on one class's references, knowing the plugin's own classes and their supertypes. */
    private final class Judge {
        private final Map<String, String[]> own;

        Judge(Map<String, String[]> own) {
            this.own = own;
        }

        boolean typeAllowed(String type) {
            if (own.containsKey(type)) {
                // its supertypes are references of its own class file, judged there
                return true;
            }
            return policy.typeAllowed(type, hierarchy(type));
        }

        boolean memberAllowed(String owner, String name, String descriptor) {
            if (owner.startsWith("[")) {
                // clone() or length of an array: the element type is judged as a type
                return true;
            }
            String binary = owner.replace('/', '.');
            if (policy.bootstrap(binary, name)) {
                return true;
            }
            if (!typeAllowed(binary)) {
                return false;
            }
            return !policy.memberDenied(hierarchy(binary), name, descriptor);
        }

        private Set<String> hierarchy(String type) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(type));
            while (!todo.isEmpty() && seen.size() < 200) {
                String next = todo.pop();
                if (seen.add(next)) {
                    String[] supers = own.containsKey(next) ? own.get(next) : library.supertypes(next);
                    todo.addAll(List.of(supers));
                }
            }
            return seen;
        }
    }

    /** Supertypes of library classes, read (not loaded) from a class loader's resources; unknown: none. */
    static final class LibraryTypes {
        private static final String[] NONE = new String[0];
        private final ClassLoader loader;
        private final Map<String, String[]> cache = new ConcurrentHashMap<>();

        LibraryTypes(ClassLoader loader) {
            this.loader = loader;
        }

        String[] supertypes(String binary) {
            return cache.computeIfAbsent(binary, this::read);
        }

        private String[] read(String binary) {
            try (InputStream in = loader.getResourceAsStream(binary.replace('.', '/') + ".class")) {
                if (in == null) {
                    return NONE;
                }
                ClassReader reader = new ClassReader(in);
                List<String> supers = new ArrayList<>();
                if (reader.getSuperName() != null) {
                    supers.add(reader.getSuperName().replace('/', '.'));
                }
                for (String itf : reader.getInterfaces()) {
                    supers.add(itf.replace('/', '.'));
                }
                return supers.toArray(NONE);
            } catch (IOException | RuntimeException unreadable) {
                return NONE;
            }
        }
    }

    /** Gathers every type and member one class file references. */
    private final class Collector extends ClassVisitor {
        final Set<String> types = new LinkedHashSet<>();
        final List<String[]> members = new ArrayList<>();
        private final Set<String> memberKeys = new java.util.HashSet<>();
        /** JPA mapping names that are not plain SQL names ({@link MappingNames}) */
        private final Set<String> mappings = new TreeSet<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        void internalOrArray(String name) {
            if (name == null) {
                return;
            }
            if (name.startsWith("[")) {
                type(Type.getType(name));
            } else {
                types.add(name.replace('/', '.'));
            }
        }

        void type(Type type) {
            switch (type.getSort()) {
            case Type.ARRAY -> type(type.getElementType());
            case Type.OBJECT -> types.add(type.getClassName());
            case Type.METHOD -> {
                type(type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    type(argument);
                }
            }
            default -> {
                // primitives
            }
            }
        }

        void descriptor(String descriptor) {
            if (descriptor != null && !descriptor.isEmpty()) {
                type(descriptor.startsWith("(") ? Type.getMethodType(descriptor) : Type.getType(descriptor));
            }
        }

        void signature(String signature) {
            if (signature == null) {
                return;
            }
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                private String outer;

                @Override
                public void visitClassType(String name) {
                    outer = name;
                    internalOrArray(name);
                }

                @Override
                public void visitInnerClassType(String name) {
                    outer = outer + "$" + name;
                    internalOrArray(outer);
                }
            });
        }

        void member(String owner, String name, String descriptor) {
            if (policy.bootstrap(owner.replace('/', '.'), name)) {
                // a bootstrap method's owner and descriptor (MethodHandles$Lookup, ...) are part of the call
                return;
            }
            internalOrArray(owner);
            if (memberKeys.add(owner + "#" + name + descriptor)) {
                members.add(new String[] { owner, name, descriptor });
            }
            descriptor(descriptor);
        }

        void handle(Handle handle) {
            member(handle.getOwner(), handle.getName(), handle.getDesc());
        }

        /** A constant of ldc, a bootstrap argument or an annotation value. */
        void constant(Object value) {
            if (value instanceof Type type) {
                type(type);
            } else if (value instanceof Handle handle) {
                handle(handle);
            } else if (value instanceof ConstantDynamic dynamic) {
                descriptor(dynamic.getDescriptor());
                bootstrap(dynamic.getBootstrapMethod());
                for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                    constant(dynamic.getBootstrapMethodArgument(i));
                }
            }
        }

        void bootstrap(Handle bootstrap) {
            if (policy.bootstrap(bootstrap.getOwner().replace('/', '.'), bootstrap.getName())) {
                // its descriptor names MethodHandles$Lookup and friends: part of the call, not a use
                return;
            }
            handle(bootstrap);
        }

        AnnotationVisitor annotation(String descriptor) {
            descriptor(descriptor);
            return annotation(descriptor, null);
        }

        /** @param array the name of the array attribute being read, or null */
        private AnnotationVisitor annotation(String descriptor, String array) {
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String name, Object value) {
                    constant(value);
                    if (value instanceof String text && MappingNames.checked(descriptor)) {
                        String problem = MappingNames.problem(descriptor, name == null ? array : name, text);
                        if (problem != null) {
                            mappings.add(problem);
                        }
                    }
                }

                @Override
                public void visitEnum(String name, String enumDescriptor, String value) {
                    // an enum constant is a static field of its type: JsonTypeInfo$Id#CLASS can be denied
                    member(Type.getType(enumDescriptor).getInternalName(), value, enumDescriptor);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String name, String nested) {
                    return annotation(nested);
                }

                @Override
                public AnnotationVisitor visitArray(String name) {
                    return annotation(descriptor, name);
                }
            };
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            internalOrArray(name);
            internalOrArray(superName);
            if (interfaces != null) {
                for (String itf : interfaces) {
                    internalOrArray(itf);
                }
            }
            signature(signature);
        }

        @Override
        public void visitNestHost(String nestHost) {
            internalOrArray(nestHost);
        }

        @Override
        public void visitNestMember(String nestMember) {
            internalOrArray(nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            internalOrArray(permittedSubclass);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            internalOrArray(owner);
            descriptor(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            // unknown attributes: the JVM ignores them, and their constants are in the pool we scan
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor);
            signature(signature);
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return annotation(annotation);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            signature(signature);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return annotation(annotation);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            signature(signature);
            if (exceptions != null) {
                for (String exception : exceptions) {
                    internalOrArray(exception);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return annotation(null);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end,
                        int[] index, String annotation, boolean visible) {
                    return annotation(annotation);
                }

                @Override
                public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                    for (Object[] items : new Object[][] { local, stack }) {
                        if (items != null) {
                            for (Object item : items) {
                                if (item instanceof String internal) {
                                    internalOrArray(internal);
                                }
                            }
                        }
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    internalOrArray(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    member(owner, field, fieldDescriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                    member(owner, method, methodDescriptor);
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap, Object... arguments) {
                    descriptor(methodDescriptor);
                    bootstrap(bootstrap);
                    for (Object argument : arguments) {
                        constant(argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type type && type.getSort() == Type.METHOD) {
                        // a MethodType object outside a bootstrap call
                        types.add("java.lang.invoke.MethodType");
                    } else if (value instanceof Handle) {
                        types.add("java.lang.invoke.MethodHandle");
                    }
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    descriptor(arrayDescriptor);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    internalOrArray(type);
                }

                @Override
                public void visitLocalVariable(String local, String localDescriptor, String localSignature, Label start, Label end,
                        int index) {
                    descriptor(localDescriptor);
                    signature(localSignature);
                }
            };
        }
    }
}
