package org.civnet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house: no package cycle anywhere; the analyses and the import's checks pure (no
 * Spring, no driver, no store, no web); a small domain package that depends on nothing of civnet's.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civnet");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.civnet.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void analysesDependOnlyOnAnalysisTheDomainTheJdkAndJGraphT() {
        classes().that().resideInAPackage("org.civnet.analysis..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.civnet.analysis..", "org.civnet.domain..",
                        "java..", "org.jgrapht..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNothingElseOfCivnets() {
        classes().that().resideInAPackage("org.civnet.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.civnet.domain..", "java..",
                        "jakarta.validation..", "com.fasterxml.jackson.annotation..")
                .check(CLASSES);
    }

    @Test
    void analysesDependOnNeitherSpringNorTheDriver() {
        noClasses().that().resideInAnyPackage("..analysis..", "..referral.paths..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "org.civnet.neo4j..", "org.civnet.security..", "jakarta.servlet..")
                .check(CLASSES);
    }

    /** The import's checks are a pure plan: testable without Neo4j, the store reached only through StoredIds. */
    @Test
    void importChecksDependOnNeitherSpringNorTheDriverNorTheStore() {
        noClasses().that().haveSimpleNameStartingWith("ImportPlan").or().haveSimpleNameStartingWith("ImportRow")
                .or().haveSimpleName("Rejections").or().haveSimpleName("StoredIds")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "org.civnet.neo4j..", "org.civnet.security..")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("NetworkStore")
                .orShould().dependOnClassesThat().haveSimpleName("NetworkImporter")
                .check(CLASSES);
    }

    /** Cypher lives in cypher/*.cypher: no Java string in the service starts a Cypher statement. */
    @Test
    void cypherIsNeverWrittenInline() throws java.io.IOException {
        java.util.regex.Pattern inline = java.util.regex.Pattern.compile(
                "\"\\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|CALL|DETACH DELETE|RETURN|ALTER|SHOW|DROP)\\b");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            java.util.List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return inline.matcher(java.nio.file.Files.readString(p)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Object::toString).toList();
            org.assertj.core.api.Assertions.assertThat(offenders).isEmpty();
        }
    }
}
