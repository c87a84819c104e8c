package org.civnet.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.civnet.neo4j.EmbeddedNeo4j;
import org.civnet.secrets.FieldCipher;
import org.civnet.secrets.SecretsDirectory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Neo4jContainer;

/**
 * The real Neo4j every integration test runs against, one per test JVM: a Testcontainers Neo4j
 * 5.26 when a Docker engine is available, else an embedded Neo4j in a temporary directory (these
 * machines and CI have no Docker engine, so the tests never skip).
 */
public final class TestNeo4j {

    private static TestNeo4j instance;

    private final String boltUri;
    private final String password;
    private final String kind;
    /** One field keyset per test JVM: every civnet started against this store must open its fields. */
    private final String fieldKey = FieldCipher.generate().keysetJson();

    private TestNeo4j(String boltUri, String password, String kind) {
        this.boltUri = boltUri;
        this.password = password;
        this.kind = kind;
    }

    public static synchronized TestNeo4j get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestNeo4j start() {
        if (dockerAvailable()) {
            Neo4jContainer<?> container = new Neo4jContainer<>("neo4j:5.26").withAdminPassword("test-password-1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestNeo4j(container.getBoltUrl(), "test-password-1", "testcontainers");
        }
        try {
            Path directory = Files.createTempDirectory("civnet-test-neo4j");
            String password = SecretsDirectory.randomSecret();
            EmbeddedNeo4j embedded = EmbeddedNeo4j.start(directory, 0, password);
            // Half a gigabyte per test JVM: a long day of test runs filled the disk before this went with the JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteRecursively(directory);
            }));
            return new TestNeo4j(embedded.boltUri(), password, "embedded");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Best effort at JVM exit: what is left is only disk space in the temporary directory.
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String boltUri() {
        return boltUri;
    }

    /** The password of the user {@code neo4j}. */
    public String password() {
        return password;
    }

    /** The Tink keyset civnets against this store encrypt contacts' channels and notes with. */
    public String fieldKey() {
        return fieldKey;
    }

    public String kind() {
        return kind;
    }
}
