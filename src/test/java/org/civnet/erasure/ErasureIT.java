package org.civnet.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.AuditLog;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Erasure ("forget") through the API on a real embedded Neo4j: what goes, what stays without the
 * person, the audit log's tombstones, the erasure's own entry, and crypto-shredding through a backup
 * taken before the erasure and restored after it.
 */
class ErasureIT extends IntegrationTest {

    private static final Path BACKUPS = temporaryDirectory();
    private static final Path SECRETS = temporaryDirectory();
    private static final String TOMBSTONE = "erased-[0-9a-f]{12}";

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("civnet.backup.directory", BACKUPS::toString);
        registry.add("civnet.secrets-directory", SECRETS::toString);
    }

    @Autowired
    private AuditLog audit;

    @BeforeEach
    void network() {
        String network = fixture().replace("\"themes\": [\"WOMENS_RIGHTS\"], \"consentToIntroduce\": true}",
                "\"themes\": [\"WOMENS_RIGHTS\"], \"consentToIntroduce\": true, \"channels\": [\"mail:amal@example.org\"], "
                        + "\"notes\": \"amal's own notes\"}");
        assertThat(send(http, HttpMethod.POST, "/api/import", network).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(http, HttpMethod.POST, "/api/introductions", "{\"id\":\"i-2\",\"introducer\":\"c-hro\","
                + "\"introduced\":\"c-badr\",\"recipient\":\"c-chidi\",\"status\":\"REQUESTED\",\"date\":\"2026-03-01\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anErasureRemovesThePersonKeepsTheRecordWithoutThemAndAuditsItself() {
        audit.record(AuditLog.Action.READ_CONFIDENTIAL, "c-amal,c-badr", "contact page of Badr Salem (c-badr)");
        audit.record(AuditLog.Action.READ_CONFIDENTIAL, "c-badr2", "another person whose id starts the same");
        linkOfficerTo("c-badr");

        ResponseEntity<JsonNode> erased = erase("c-badr", "Badr Salem asked to be forgotten (request 2026-11)");
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = erased.getBody();
        String tombstone = result.get("tombstone").asText();
        assertThat(tombstone).matches(TOMBSTONE);
        assertThat(result.get("ties").asLong()).isEqualTo(1);
        assertThat(result.get("participations").asLong()).isEqualTo(1);
        assertThat(result.get("introductionsKept").asLong()).isEqualTo(1);
        assertThat(result.get("usersUnlinked").asLong()).isEqualTo(1);
        // Ours, and the reads of her the API audited on the way (linking the officer, recording i-2).
        assertThat(result.get("auditEntriesTombstoned").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(result.get("dataKeyDestroyed").asBoolean()).isTrue();
        assertThat(result.get("reason").asText()).doesNotContain("Badr").contains(tombstone).contains("request 2026-11");

        // The contact, its tie and its participation are gone; the communication it was a source of stays.
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c-badr", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/ties?node=c-amal", JsonNode.class).toString()).doesNotContain("c-badr");
        assertThat(http.getForObject("/api/communications/comm-1", JsonNode.class).get("id").asText()).isEqualTo("comm-1");
        // The introduction keeps its existence, status and date; the person is the tombstone.
        JsonNode introduction = http.getForObject("/api/introductions/i-2", JsonNode.class);
        assertThat(introduction.get("date").asText()).isEqualTo("2026-03-01");
        assertThat(introduction.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(introduction.get("introducer").asText()).isEqualTo("c-hro");
        assertThat(introduction.get("introduced").asText()).isEqualTo(tombstone);
        assertThat(introduction.get("recipient").asText()).isEqualTo("c-chidi");
        // Its status can still change (the tombstone stands for the party it had).
        org.springframework.http.HttpHeaders patch = new org.springframework.http.HttpHeaders();
        patch.setContentType(org.springframework.http.MediaType.parseMediaType("application/merge-patch+json"));
        assertThat(http.exchange("/api/introductions/i-2", HttpMethod.PATCH, new org.springframework.http.HttpEntity<>(
                "{\"status\":\"DECLINED\"}", patch), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForObject("/api/introductions/i-2", JsonNode.class).get("introduced").asText()).isEqualTo(tombstone);
        // But no new introduction may name them, nor may the kept one move them to another place.
        ResponseEntity<JsonNode> anew = send(http, HttpMethod.POST, "/api/introductions", "{\"id\":\"i-3\",\"introducer\":\""
                + tombstone + "\",\"introduced\":\"c-chidi\",\"recipient\":\"c-hro\",\"status\":\"REQUESTED\",\"date\":\"2026-12-01\"}");
        assertThat(anew.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anew.getBody().get("errors").get(0).get("field").asText()).isEqualTo("introducer");
        assertThat(http.getForEntity("/api/introductions/i-3", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/introductions/i-2", HttpMethod.PATCH, new org.springframework.http.HttpEntity<>(
                "{\"recipient\":\"" + tombstone + "\",\"introduced\":\"c-chidi\"}", patch), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForObject("/api/introductions/i-2", JsonNode.class).get("recipient").asText()).isEqualTo("c-chidi");
        // The officer linked to the person is unlinked, not deleted.
        JsonNode me = as(Role.OFFICER).getForObject("/api/me", JsonNode.class);
        assertThat(me.get("username").asText()).isEqualTo("test-officer");
        assertThat(me.path("contact").isMissingNode() || me.path("contact").isNull()).as(me.toString()).isTrue();
        // No data key is left for the person.
        assertThat(personKeys("c-badr")).isZero();
        assertThat(personKeys("c-amal")).isOne();

        // The audit log keeps that something was read, no longer who; the erasure is audited with who, when, why.
        JsonNode log = http.getForObject("/api/audit?size=1000", JsonNode.class);
        assertThat(log.toString()).doesNotContain("Badr").doesNotContain("\"c-badr\"").doesNotContain("c-badr,")
                .doesNotContain("c-badr)").contains("c-badr2");
        JsonNode read = entries(log, "READ_CONFIDENTIAL").stream().filter(e -> e.get("target").asText().startsWith("c-amal"))
                .findFirst().orElseThrow();
        assertThat(read.get("target").asText()).isEqualTo("c-amal," + tombstone);
        assertThat(read.get("detail").asText()).isEqualTo("contact page of " + tombstone + " (" + tombstone + ")");
        List<JsonNode> erasures = entries(log, "ERASURE");
        assertThat(erasures).hasSize(1);
        assertThat(erasures.get(0).get("user").asText()).isEqualTo("admin");
        assertThat(erasures.get(0).get("target").asText()).isEqualTo(tombstone);
        assertThat(erasures.get(0).get("at").asText()).isNotBlank();
        assertThat(erasures.get(0).get("detail").asText()).contains("request 2026-11").contains("1 introductions kept");
        String erasedBy = erasedBy(read.get("id").asText());
        assertThat(erasedBy).isEqualTo(erasures.get(0).get("id").asText());

        // The audit chain still verifies, and counts the tombstoned entries.
        JsonNode verified = http.getForObject("/api/audit/verify", JsonNode.class);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("erased").asLong()).isEqualTo(result.get("auditEntriesTombstoned").asLong());

        // The export after the erasure imports again as it is (the tombstone stands for the party).
        JsonNode exported = http.getForObject("/api/export", JsonNode.class);
        assertThat(exported.toString()).doesNotContain("c-badr").doesNotContain("Badr");
        clear();
        ResponseEntity<JsonNode> reimported = send(http, HttpMethod.POST, "/api/import", exported.toString());
        assertThat(reimported.getBody().get("rejected")).isEmpty();
        assertThat(http.getForObject("/api/introductions/i-2", JsonNode.class).get("introduced").asText()).isEqualTo(tombstone);
    }

    @Test
    void anErasureIsForAdministratorsNeedsAReasonAndWritesNothingWhenRefused() {
        ResponseEntity<JsonNode> officer = send(as(Role.OFFICER), HttpMethod.POST, "/api/contacts/c-badr/erasure",
                "{\"reason\":\"asked\"}");
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noReason = erase("c-badr", " ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badRequestFields(noReason)).containsExactly("reason");
        ResponseEntity<JsonNode> unknown = erase("c-nobody", "asked");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Nothing changed: the person, her introduction and her key are there, and no erasure was audited.
        assertThat(http.getForObject("/api/contacts/c-badr", JsonNode.class).get("notes").asText())
                .isEqualTo("met during 2025 visit");
        assertThat(http.getForObject("/api/introductions/i-2", JsonNode.class).get("introduced").asText()).isEqualTo("c-badr");
        assertThat(personKeys("c-badr")).isOne();
        assertThat(entries(http.getForObject("/api/audit?size=1000", JsonNode.class), "ERASURE")).isEmpty();
    }

    @Test
    void aBackupTakenBeforeAnErasureRestoresWithoutThePerson() throws IOException {
        ResponseEntity<JsonNode> backup = send(http, HttpMethod.POST, "/api/admin/backup", null);
        assertThat(backup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String file = backup.getBody().get("file").asText();
        String tombstone = erase("c-badr", "asked to be forgotten").getBody().get("tombstone").asText();
        // The secrets directory's register knows she was erased, without naming her.
        String register = java.nio.file.Files.readString(SECRETS.resolve(ErasureRegister.FILE));
        assertThat(register).doesNotContain("c-badr").doesNotContain("Badr").contains("\"erased\":[\"");

        clear();
        ResponseEntity<JsonNode> restored = send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}");
        assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(restored.getBody().get("network").get("rejected")).isEmpty();
        // The old backup held her record; the restore erased her again, and says so by tombstone only.
        assertThat(restored.getBody().get("erasedAgain").toString()).isEqualTo("[\"" + tombstone + "\"]");
        assertThat(restored.getBody().get("unreadableContacts").toString()).isEqualTo("[]");
        assertThat(restored.getBody().toString()).doesNotContain("c-badr").doesNotContain("Badr");
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c-badr", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/introductions/i-2", JsonNode.class).get("introduced").asText()).isEqualTo(tombstone);
        assertThat(personKeys("c-badr")).isZero();
        JsonNode again = entries(http.getForObject("/api/audit?size=1000", JsonNode.class), "ERASURE").get(0);
        assertThat(again.get("target").asText()).isEqualTo(tombstone);
        assertThat(again.get("detail").asText()).contains(ErasureService.ERASED_AGAIN);
        // Everyone else's channels and notes open as before.
        JsonNode amal = http.getForObject("/api/contacts/c-amal", JsonNode.class);
        assertThat(amal.get("channels").toString()).isEqualTo("[\"mail:amal@example.org\"]");
        assertThat(amal.get("notes").asText()).isEqualTo("amal's own notes");
        assertThat(send(http, HttpMethod.GET, "/api/contacts?size=100", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRestoreOntoANewStoreFindsTheKeysInTheSecretsDirectoryAndErasesTheErasedAgain() {
        String file = send(http, HttpMethod.POST, "/api/admin/backup", null).getBody().get("file").asText();
        assertThat(erase("c-badr", "asked to be forgotten").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(SECRETS.resolve("person-keys.json")).exists();
        // A new store: no data keys in it, only the copy in the secrets directory.
        clear();
        try (Session session = driver.session()) {
            session.run("MATCH (k:PersonKey) DELETE k").consume();
        }
        ResponseEntity<JsonNode> restored = send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}");
        assertThat(restored.getBody().get("erasedAgain")).hasSize(1);
        assertThat(restored.getBody().get("unreadableContacts").toString()).isEqualTo("[]");
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c-badr", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/contacts/c-amal", JsonNode.class).get("notes").asText())
                .isEqualTo("amal's own notes");
        assertThat(personKeys("c-amal")).isOne();
    }

    private static Path temporaryDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("civnet-erasure").resolve("dir");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> erase(String id, String reason) {
        return send(http, HttpMethod.POST, "/api/contacts/" + id + "/erasure",
                "{\"reason\":\"" + reason + "\"}");
    }

    private void linkOfficerTo(String contact) {
        as(Role.OFFICER);
        assertThat(send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":\"" + contact + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static List<JsonNode> entries(JsonNode log, String action) {
        List<JsonNode> out = new ArrayList<>();
        log.forEach(e -> {
            if (action.equals(e.get("action").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    private long personKeys(String contact) {
        try (Session session = driver.session()) {
            return session.run("MATCH (k:PersonKey {contact: $c}) RETURN count(k) AS n", Map.of("c", contact)).single()
                    .get("n").asLong();
        }
    }

    private String erasedBy(String entry) {
        try (Session session = driver.session()) {
            return session.run("MATCH (a:AuditEntry {id: $id}) RETURN a.erasedBy AS by", Map.of("id", entry)).single()
                    .get("by").asString(null);
        }
    }

    private static String fixture() {
        try (InputStream in = ErasureIT.class.getResourceAsStream("/fixtures/small-network.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
