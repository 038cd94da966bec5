import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModuleRequireInfo;
import java.lang.reflect.AccessFlag;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code java scripts/OptionalRequires.java MODULE[,MODULE...] JAR...}: in each jar's module descriptors (the
 * plain one and those under META-INF/versions), a {@code requires} of one of the named modules becomes
 * {@code requires static}, so that jlink links the jar without them. Run by build.sh on copies of the jars it
 * links (#16: the image without java.desktop). Needs the ClassFile API (JDK 24+).
 */
public final class OptionalRequires {

    private OptionalRequires() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java scripts/OptionalRequires.java MODULE[,MODULE...] JAR...");
            System.exit(2);
        }
        Set<String> optional = Set.of(args[0].split(","));
        for (String jar : List.of(args).subList(1, args.length)) relax(Path.of(jar), optional);
    }

    private static void relax(Path jar, Set<String> optional) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            List<Path> descriptors;
            try (Stream<Path> files = Files.walk(zip.getPath("/"))) {
                descriptors = files.filter(p -> p.getFileName() != null
                        && p.getFileName().toString().equals("module-info.class")).toList();
            }
            for (Path descriptor : descriptors) {
                byte[] before = Files.readAllBytes(descriptor);
                List<String> made = new ArrayList<>();
                byte[] after = relax(before, optional, made);
                if (after != null) {
                    Files.write(descriptor, after);
                    System.out.println("OptionalRequires: " + jar.getFileName() + descriptor + ": requires static "
                            + String.join(", ", made));
                }
            }
        }
    }

    /**
     * The descriptor with the named requires made static (their names added to {@code made}), or null when it
     * requires none of them non-statically.
     */
    private static byte[] relax(byte[] descriptor, Set<String> optional, List<String> made) {
        ClassFile files = ClassFile.of();
        ClassModel model = files.parse(descriptor);
        ModuleAttribute module = model.findAttribute(Attributes.module()).orElse(null);
        if (module == null) return null;
        List<ModuleRequireInfo> requires = new ArrayList<>();
        for (ModuleRequireInfo r : module.requires()) {
            int flags = r.requiresFlagsMask();
            if (optional.contains(r.requires().name().stringValue()) && (flags & AccessFlag.STATIC_PHASE.mask()) == 0) {
                r = ModuleRequireInfo.of(r.requires(), flags | AccessFlag.STATIC_PHASE.mask(),
                        r.requiresVersion().orElse(null));
                made.add(r.requires().name().stringValue());
            }
            requires.add(r);
        }
        if (made.isEmpty()) return null;
        ModuleAttribute relaxed = ModuleAttribute.of(module.moduleName(), module.moduleFlagsMask(),
                module.moduleVersion().orElse(null), requires, module.exports(), module.opens(), module.uses(),
                module.provides());
        return files.transformClass(model, (builder, element) -> {
            if (element instanceof ModuleAttribute) {
                builder.with(relaxed);
            } else {
                builder.with(element);
            }
        });
    }
}
