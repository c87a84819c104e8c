package org.civnet.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service over HTTP against a real Neo4j ({@link TestNeo4j}).
 * Each test starts from an empty network (users stay). {@link #http} is logged in as the
 * administrator; {@link #as(Role)} gives a client for each role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The fixtures of most tests hold a handful of protected people, whom the re-identification gate
// (default k = 5) would withhold: they test the other mechanisms with it off. The gate's own tests
// (ReidentificationIT, ReidentificationPageIT) set the default back with their own @TestPropertySource.
// Nor do they read the graph ahead at start-up or after a write, so what a test counts of the
// snapshot cache is its own requests' doing (SnapshotWarmUpIT and RefreshAheadIT test the two).
@org.springframework.test.context.TestPropertySource(properties = {"civnet.privacy.anonymity-k=1",
        "civnet.analysis.warm-on-start=false", "civnet.analysis.refresh-ahead=false"})
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    /** Backups are refused without a passphrase, so every test context has one. */
    public static final String BACKUP_PASSPHRASE = "test-backup-passphrase-1";
    private static final String ROLE_PASSWORD = "test-role-password-1";

    @Autowired
    protected TestRestTemplate anonymous;

    @Autowired
    protected Driver driver;

    /** Logged in as {@code admin}. */
    protected TestRestTemplate http;

    private final Map<Role, TestRestTemplate> clients = new EnumMap<>(Role.class);

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        TestNeo4j neo4j = TestNeo4j.get();
        registry.add("civnet.neo4j.uri", neo4j::boltUri);
        registry.add("civnet.neo4j.password", neo4j::password);
        registry.add("civnet.field-key", neo4j::fieldKey);
        registry.add("civnet.admin-password", () -> ADMIN_PASSWORD);
        registry.add("civnet.backup.passphrase", () -> BACKUP_PASSPHRASE);
    }

    @BeforeEach
    void emptyGraph() {
        http = anonymous.withBasicAuth("admin", ADMIN_PASSWORD);
        clear();
    }

    /**
     * Removes the network (with its coalition numberings and change records), the audit log (with its chain head)
     * and the failed-login counts (every test logs in from the
     * same address); users, tokens and the pseudonym key stay.
     */
    protected void clear() {
        try (Session session = driver.session()) {
            session.run("MATCH (n) WHERE n:Node OR n:AuditEntry OR n:AuditHead OR n:LoginFailures OR n:CoalitionTrack "
                    + "OR n:GraphChange "
                    + "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            // A new graph version without a change record: snapshots kept from the previous test
            // cannot apply the deletion above, so they read the whole (empty) graph again.
            session.run("MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1").consume();
        }
    }

    /** One CSV file as a part of a multipart upload (field {@code file}), named {@code name}. */
    public static HttpEntity<ByteArrayResource> file(String name, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        headers.setContentDispositionFormData("file", name);
        return new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    /** A client logged in as a user of {@code role} (created on first use). */
    protected TestRestTemplate as(Role role) {
        if (role == Role.ADMIN) {
            return http;
        }
        return clients.computeIfAbsent(role, r -> {
            String username = "test-" + r.name().toLowerCase();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            http.exchange("/api/users", HttpMethod.POST, new HttpEntity<>(
                    "{\"username\":\"" + username + "\",\"password\":\"" + ROLE_PASSWORD + "\",\"role\":\"" + r + "\"}",
                    headers), String.class);
            return anonymous.withBasicAuth(username, ROLE_PASSWORD);
        });
    }

    protected static ResponseEntity<JsonNode> send(TestRestTemplate client, HttpMethod method,
                                                                                 String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** The fields a 400 ProblemDetail names in its {@code errors} (asserting the status first). */
    protected static List<String> badRequestFields(ResponseEntity<JsonNode> response) {
        if (response.getStatusCode() != HttpStatus.BAD_REQUEST) {
            throw new AssertionError("expected 400, got " + response.getStatusCode() + ": " + response.getBody());
        }
        List<String> out = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
