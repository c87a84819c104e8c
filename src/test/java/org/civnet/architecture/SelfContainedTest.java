package org.civnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: a clone anywhere can build, test and read its domain model.
 * Nothing in it may read or link a folder beside it or an absolute path of one build machine, and
 * {@code docs/DOMAIN.md} must list exactly what the domain enums hold, so the document cannot drift
 * from the code.
 */
class SelfContainedTest {

    /** Surefire runs in the project folder; every path here is relative to it. */
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path THIS_FILE = Path.of("src/test/java/org/civnet/architecture/SelfContainedTest.java");
    private static final Path DOMAIN = Path.of("docs/DOMAIN.md");
    private static final String DOMAIN_PACKAGE = "org.civnet.domain";

    /**
     * Paths that lead outside the repository: the folder beside it (however it is reached) and
     * absolute paths of the build machine. The look-behind lets URLs such as {@code https://host/work/}
     * through: there a host name, not the start of a path, comes before {@code /work/}.
     */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|shared/(?:reference|seeds|DOMAIN\\.md)|(?<![\\w.~-])/work/");

    /**
     * Folders and files that are not the repository's content: version control (a worktree's
     * {@code .git} file names the main checkout by its absolute path), IDE state, and the build and
     * runtime folders that {@code .gitignore} keeps out at the top level only.
     */
    private static final Set<String> IGNORED_ANYWHERE = Set.of(".git", ".idea", ".ipynb_checkpoints");
    private static final Set<String> IGNORED_AT_ROOT = Set.of("target", "data", "backups", "secrets", ".env");

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void nothingReadsOrLinksOutsideTheRepository() throws IOException {
        assertThat(ROOT.resolve("pom.xml")).as("run from the project folder").isRegularFile();
        List<Path> files = repositoryFiles();
        assertThat(files).as("files scanned").contains(Path.of("README.md"), Path.of("pom.xml"), DOMAIN,
                Path.of("src/test/resources/reference/README.md"));

        List<String> offenders = new ArrayList<>();
        for (Path file : files) {
            if (file.equals(THIS_FILE)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(ROOT.resolve(file));
            // ISO-8859-1 maps every byte, so a file in any encoding is searched for these ASCII paths.
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (text.indexOf('\0') >= 0) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    offenders.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(offenders).as("paths outside the repository (use docs/DOMAIN.md, src/test/resources/reference)")
                .isEmpty();
    }

    @Test
    void domainDocumentListsExactlyTheValuesOfEveryDomainEnum() {
        Map<String, List<List<String>>> rows = tableRows("Enumerations");
        List<Class<?>> enums = domainEnums();
        assertThat(enums).as("enums found in " + DOMAIN_PACKAGE).hasSizeGreaterThanOrEqualTo(10);

        Set<String> enumNames = new TreeSet<>();
        for (Class<?> type : enums) {
            enumNames.add(type.getSimpleName());
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertThat(rows).as(DOMAIN + " has no row for " + type.getSimpleName()).containsKey(type.getSimpleName());
            List<List<String>> cells = rows.get(type.getSimpleName());
            assertThat(cells.get(cells.size() - 1)).as(DOMAIN + ", values of " + type.getSimpleName())
                    .containsExactlyElementsOf(constants);
        }
        assertThat(rows.keySet()).as(DOMAIN + " rows that name no enum of " + DOMAIN_PACKAGE)
                .isSubsetOf(enumNames);
    }

    @Test
    void domainDocumentJoinsEachTieTypeToTheKindsTheCodeAllows() {
        Map<String, List<List<String>>> rows = tableRows("Ties");
        for (TieType type : TieType.values()) {
            assertThat(rows).as(DOMAIN + " has no tie row for " + type).containsKey(type.name());
            List<List<String>> cells = rows.get(type.name());
            assertThat(cells.get(1)).as(DOMAIN + ", kinds " + type + " starts from")
                    .containsExactlyInAnyOrderElementsOf(names(type.fromLabels()));
            assertThat(cells.get(2)).as(DOMAIN + ", kinds " + type + " leads to")
                    .containsExactlyInAnyOrderElementsOf(names(type.toLabels()));
        }
        assertThat(rows).as(DOMAIN + " tie rows").hasSize(TieType.values().length);
    }

    /** Every file of the repository, relative to its root, in a stable order. */
    private static List<Path> repositoryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile).map(ROOT::relativize).filter(SelfContainedTest::isContent)
                    .sorted().toList();
        }
    }

    private static boolean isContent(Path relative) {
        if (IGNORED_AT_ROOT.contains(relative.getName(0).toString())) {
            return false;
        }
        for (Path part : relative) {
            if (IGNORED_ANYWHERE.contains(part.toString())) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return !name.endsWith(".log") && !name.endsWith(".iml");
    }

    /** The top-level enums of the domain package, found in the compiled code so a new one cannot be missed. */
    private static List<Class<?>> domainEnums() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(DOMAIN_PACKAGE).stream()
                .filter(c -> c.getPackageName().equals(DOMAIN_PACKAGE) && c.isEnum() && c.isTopLevelClass())
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    /**
     * The rows of the table under {@code ## <heading>} in DOMAIN.md, keyed by the backticked name
     * in their first cell; each row as the backticked words of each of its cells.
     */
    private static Map<String, List<List<String>>> tableRows(String heading) {
        List<String> lines = readDomain().lines().toList();
        int start = lines.indexOf("## " + heading);
        assertThat(start).as(DOMAIN + " has a section ## " + heading).isNotNegative();
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            List<List<String>> cells = Arrays.stream(line.substring(1).split("\\|")).map(SelfContainedTest::backticked)
                    .toList();
            if (cells.get(0).size() == 1) {
                assertThat(rows.put(cells.get(0).get(0), cells)).as("repeated row " + cells.get(0)).isNull();
            }
        }
        return rows;
    }

    private static List<String> backticked(String cell) {
        List<String> words = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(cell);
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }

    private static List<String> names(Set<NodeLabel> labels) {
        return labels.stream().map(Enum::name).toList();
    }

    private static String readDomain() {
        try {
            return Files.readString(ROOT.resolve(DOMAIN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
