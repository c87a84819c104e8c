package org.civnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The audit log's hash chain against a real store: what is altered, deleted or slipped in directly
 * (Cypher through the test's driver, as someone with store access would) is found by
 * {@code GET /api/audit/verify}; an erasure's tombstone is not; a protected read whose audit entry the
 * store refuses is withheld (503); concurrent audited requests never fork the chain.
 */
class AuditChainIT extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"c-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"c-2","name":"Amal Open","country":"LY","consentToIntroduce":true},
                  {"id":"c-7","name":"Zyxwa Qorvath","country":"LY","confidential":true,"consentToIntroduce":true,
                   "channels":["zyxwa@hidden.example"]}],
                 "ties":[{"type":"KNOWS","from":"c-7","to":"c-2","trust":4}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    private JsonNode verify() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/audit/verify", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void cypher(String statement, Map<String, Object> params) {
        try (Session session = driver.session()) {
            session.run(statement, params).consume();
        }
    }

    private long storedEntries() {
        try (Session session = driver.session()) {
            return session.run("MATCH (a:AuditEntry) RETURN count(a) AS n").single().get("n").asLong();
        }
    }

    /** Five more entries; answers the sequence number of the middle one. */
    private long fiveEntries() {
        for (int i = 1; i <= 5; i++) {
            audit.recordAs("test-officer", AuditLog.Action.ANALYSIS, "betweenness " + i, "whole network");
        }
        return storedEntries() - 2;
    }

    private static void assertBroken(JsonNode verification, long seq, String problem) {
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.get("broken").get("seq").asLong()).as(verification.toString()).isEqualTo(seq);
        assertThat(verification.get("broken").get("problem").asText()).isEqualTo(problem);
    }

    @Test
    void anIntactChainVerifiesAndOnlyAnAdministratorMayAsk() {
        long middle = fiveEntries();
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(storedEntries()).isGreaterThanOrEqualTo(6);
        assertThat(verification.has("broken")).isFalse();
        JsonNode newest = http.getForObject("/api/audit?size=1", JsonNode.class).get(0);
        assertThat(verification.get("headSeq").asLong()).isEqualTo(newest.get("seq").asLong());
        assertThat(verification.get("headHash").asText()).isEqualTo(newest.get("hash").asText()).matches("[0-9a-f]{64}");
        JsonNode entry = http.getForObject("/api/audit?size=100", JsonNode.class).findParent("seq");
        assertThat(entry.get("prev").asText()).matches("[0-9a-f]{64}");
        assertThat(middle).isPositive();
        for (Role role : List.of(Role.OFFICER, Role.ANALYST, Role.REPORTS)) {
            assertThat(as(role).getForEntity("/api/audit/verify", String.class).getStatusCode()).as(role.name())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anEntryAlteredInTheStoreIsFound() {
        long middle = fiveEntries();
        cypher("MATCH (a:AuditEntry {seq: $seq}) SET a.target = 'nothing to see'", Map.of("seq", middle));
        JsonNode verification = verify();
        assertBroken(verification, middle, "ALTERED_CONTENT");
        assertThat(verification.get("broken").get("id").asText()).isEqualTo(idAt(middle));
        assertThat(verification.get("broken").get("detail").asText()).contains("target or detail");

        cypher("MATCH (a:AuditEntry {seq: $seq}) SET a.target = 'betweenness 3'", Map.of("seq", middle));
        assertThat(verify().get("valid").asBoolean()).isTrue();
        cypher("MATCH (a:AuditEntry {seq: $seq}) SET a.user = 'someone-else'", Map.of("seq", middle + 1));
        assertBroken(verify(), middle + 1, "ALTERED_CONTENT");
    }

    @Test
    void anEntryDeletedFromTheStoreIsFoundInTheMiddleAndAtTheEnd() {
        long middle = fiveEntries();
        long last = middle + 2;
        cypher("MATCH (a:AuditEntry {seq: $seq}) DETACH DELETE a", Map.of("seq", last));
        JsonNode verification = verify();
        assertBroken(verification, last, "MISSING_ENTRY");
        assertThat(verification.get("broken").get("detail").asText()).contains("deleted");

        cypher("MATCH (a:AuditEntry {seq: $seq}) DETACH DELETE a", Map.of("seq", middle));
        verification = verify();
        assertBroken(verification, middle, "MISSING_ENTRY");
        assertThat(verification.get("broken").get("detail").asText()).contains("entry " + middle + " is missing");
    }

    @Test
    void aRewrittenLinkOrAnEntrySlippedInIsFound() {
        long middle = fiveEntries();
        cypher("MATCH (a:AuditEntry {seq: $seq}) SET a.prev = $fake", Map.of("seq", middle, "fake", "ab".repeat(32)));
        assertBroken(verify(), middle, "WRONG_PREVIOUS_HASH");
        cypher("MATCH (a:AuditEntry {seq: $seq}), (b:AuditEntry {seq: $before}) SET a.prev = b.hash",
                Map.of("seq", middle, "before", middle - 1));
        assertThat(verify().get("valid").asBoolean()).isTrue();

        cypher("CREATE (:AuditEntry {id: 'slipped-in', at: '2026-01-01T00:00:00Z', user: 'admin', action: 'EXPORT'})", Map.of());
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("broken").get("problem").asText()).isEqualTo("OUTSIDE_CHAIN");
        assertThat(verification.get("broken").get("id").asText()).isEqualTo("slipped-in");
    }

    @Test
    void aDeletedHeadIsFound() {
        fiveEntries();
        cypher("MATCH (h:AuditHead) DELETE h", Map.of());
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("broken").get("problem").asText()).isEqualTo("HEAD_MISMATCH");
        assertThat(verification.get("broken").get("detail").asText()).contains("head is gone");
    }

    @Test
    void entriesWrittenBeforeTheChainAreLinkedOnceAndALongLogIsWalkedInPages() {
        cypher("UNWIND range(1, 2500) AS i CREATE (:AuditEntry {id: 'legacy-' + i, at: '2020-01-01T00:00:00Z', "
                + "user: 'admin', action: 'ANALYSIS', target: 'report ' + i, detail: 'whole network'})", Map.of());
        assertThat(verify().get("broken").get("problem").asText()).isEqualTo("OUTSIDE_CHAIN");
        assertThat(audit.linkUnchained()).isEqualTo(2500);
        assertThat(audit.linkUnchained()).isZero();
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(storedEntries()).isGreaterThan(2 * AuditVerifier.PAGE);
        // A break in the third page is still named exactly.
        long third = 2 * AuditVerifier.PAGE + 17;
        cypher("MATCH (a:AuditEntry {seq: $seq}) DETACH DELETE a", Map.of("seq", third));
        assertBroken(verify(), third, "MISSING_ENTRY");
    }

    @Test
    void anErasuresTombstoneKeepsTheChainValid() {
        audit.recordAs("test-officer", AuditLog.Action.READ_CONFIDENTIAL, "c-7,c-70", "GET /api/contacts/c-7");
        audit.recordAs("test-officer", AuditLog.Action.READ_CONFIDENTIAL, "c-70", "GET /api/contacts/c-70");
        String erasure = audit.recordAs("admin", AuditLog.Action.ERASURE, AuditLog.TOMBSTONE, "asked to be forgotten");
        assertThat(audit.tombstone(erasure, List.of("c-7"))).isEqualTo(1);

        JsonNode log = http.getForObject("/api/audit?action=READ_CONFIDENTIAL&user=test-officer", JsonNode.class);
        assertThat(log.toString()).doesNotContain("c-7,").doesNotContain("c-7\"").contains("c-70");
        JsonNode erased = log.get(1);
        assertThat(erased.get("target").asText()).isEqualTo("[erased],c-70");
        assertThat(erased.get("detail").asText()).isEqualTo("GET /api/contacts/[erased]");
        assertThat(erased.has("salt")).isFalse();
        assertThat(erased.get("erasedBy").asText()).isEqualTo(erasure);
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("erased").asLong()).isEqualTo(1);

        // A tombstone no erasure accounts for is a break.
        cypher("MATCH (a:AuditEntry {id: $id}) SET a.erasedBy = 'no-such-erasure'", Map.of("id", erased.get("id").asText()));
        assertThat(verify().get("broken").get("problem").asText()).isEqualTo("UNACCOUNTED_TOMBSTONE");
    }

    @Test
    void aProtectedReadIsWithheldWhenItsAuditEntryCannotBeWritten() {
        TestRestTemplate officer = as(Role.OFFICER);
        TestRestTemplate analyst = as(Role.ANALYST);
        assertThat(officer.getForObject("/api/contacts/c-7", JsonNode.class).get("name").asText()).isEqualTo("Zyxwa Qorvath");
        String pseudonym = pseudonymOfC7(analyst);
        long before = storedEntries();
        // The store refuses the next entry for real: its place in the chain is taken (unique constraint on seq).
        cypher("MATCH (h:AuditHead {name: 'audit'}) CREATE (:AuditEntry {id: 'squatter', seq: h.seq + 1, "
                + "at: '2026-01-01T00:00:00Z', user: 'x', action: 'EXPORT'})", Map.of());
        try {
            for (Map.Entry<TestRestTemplate, String> read : List.of(Map.entry(officer, "/api/contacts/c-7"),
                    Map.entry(officer, "/api/ties?node=c-2"), Map.entry(analyst, "/api/contacts/" + pseudonym),
                    Map.entry(http, "/api/export"))) {
                ResponseEntity<String> withheld = read.getKey().getForEntity(read.getValue(), String.class);
                assertThat(withheld.getStatusCode()).as(read.getValue()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(withheld.getHeaders().getContentType().toString()).contains("application/problem+json");
                assertThat(withheld.getBody()).contains("audit").doesNotContain("Zyxwa").doesNotContain("hidden.example");
            }
            assertThat(storedEntries()).isEqualTo(before + 1);
        } finally {
            cypher("MATCH (a:AuditEntry {id: 'squatter'}) DELETE a", Map.of());
        }
        assertThat(officer.getForObject("/api/contacts/c-7", JsonNode.class).get("name").asText()).isEqualTo("Zyxwa Qorvath");
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    private static String pseudonymOfC7(TestRestTemplate analyst) {
        for (JsonNode contact : analyst.getForObject("/api/contacts?size=100", JsonNode.class).get("items")) {
            if (contact.path("pseudonymised").asBoolean()) {
                return contact.get("id").asText();
            }
        }
        throw new AssertionError("no pseudonymised contact");
    }

    @Test
    void concurrentAuditedRequestsNeverForkTheChain() throws Exception {
        TestRestTemplate officer = as(Role.OFFICER);
        TestRestTemplate analyst = as(Role.ANALYST);
        String pseudonym = pseudonymOfC7(analyst);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpStatus>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean byOfficer = i % 2 == 0;
                reads.add(() -> (HttpStatus) (byOfficer ? officer.getForEntity("/api/contacts/c-7", String.class)
                        : analyst.getForEntity("/api/contacts/" + pseudonym, String.class)).getStatusCode());
            }
            // Verifications while entries are appended: what is appended after the head they read is left for later.
            List<Callable<Boolean>> verifications = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                verifications.add(() -> verify().get("valid").asBoolean());
            }
            List<Future<Boolean>> verified = new ArrayList<>();
            verifications.forEach(v -> verified.add(pool.submit(v)));
            for (Future<HttpStatus> status : pool.invokeAll(reads)) {
                assertThat(status.get()).isEqualTo(HttpStatus.OK);
            }
            for (Future<Boolean> valid : verified) {
                assertThat(valid.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(http.getForObject("/api/audit?action=READ_CONFIDENTIAL&user=test-officer&size=100", JsonNode.class))
                .hasSize(20);
        assertThat(http.getForObject("/api/audit?action=PSEUDONYM_RESOLVED&user=test-analyst&size=100", JsonNode.class))
                .hasSize(20);
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(storedEntries());
    }

    private String idAt(long seq) {
        try (Session session = driver.session()) {
            return session.run("MATCH (a:AuditEntry {seq: $seq}) RETURN a.id AS id", Map.of("seq", seq)).single()
                    .get("id").asString();
        }
    }
}
