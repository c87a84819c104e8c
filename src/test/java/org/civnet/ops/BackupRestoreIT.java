package org.civnet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.ConflictException;
import org.civnet.network.NetworkDocument;
import org.civnet.network.NetworkExporter;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.civnet.network.Provenance;
import org.civnet.security.AuditLog;
import org.civnet.security.Role;
import org.civnet.security.UserAccounts;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BackupRestoreIT extends IntegrationTest {

    private static final Path BACKUPS = temporaryDirectory();
    private static final String NETWORK = OpsFixtures.SMALL_NETWORK;
    private static final String USER_PASSWORD = "restored-user-password-1";

    @DynamicPropertySource
    static void backupDirectory(DynamicPropertyRegistry registry) {
        registry.add("civnet.backup.directory", BACKUPS::toString);
    }

    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void network() {
        assertThat(send(http, HttpMethod.POST, "/api/import", NETWORK).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBackupRestoresIntoAnEmptyStoreAsTheSameNetworkUsersAndAuditLog() throws Exception {
        deleteUser("restored-analyst");
        assertThat(send(http, HttpMethod.POST, "/api/users", "{\"username\":\"restored-analyst\",\"password\":\""
                + USER_PASSWORD + "\",\"role\":\"ANALYST\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // A pseudonym an analyst saw before the backup must be the same one after the restore.
        // (Read from the list: a protected id answers an analyst as an unknown id does, issue 15.)
        java.util.List<String> pseudonym = analystPseudonyms();
        assertThat(pseudonym).isNotEmpty();
        JsonNode before = http.getForObject("/api/export", JsonNode.class);
        String key = pseudonymKey();
        assertThat(key).isNotNull();

        // The audit chain's head at the backup, as an operator would anchor it.
        JsonNode anchored = http.getForObject("/api/audit/verify", JsonNode.class);
        assertThat(anchored.get("valid").asBoolean()).isTrue();
        ResponseEntity<JsonNode> backup = send(http, HttpMethod.POST, "/api/admin/backup", null);
        assertThat(backup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String file = backup.getBody().get("file").asText();
        assertThat(file).matches("civnet-backup-\\d{8}T\\d{6}\\.\\d{3}Z\\.cvbk");
        assertThat(backup.getBody().get("counts").get("contacts").asInt()).isEqualTo(before.get("contacts").size());
        Path written = BACKUPS.resolve(file);
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // On disk nothing of the content shows: not the confidential contact, her channel, nor the hashes.
        byte[] onDisk = Files.readAllBytes(written);
        assertThat(backup.getBody().get("bytes").asLong()).isEqualTo(onDisk.length);
        assertThat(BackupCipher.looksEncrypted(onDisk)).isTrue();
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("Badr").doesNotContain("signal:+20")
                .doesNotContain("passwordHash").doesNotContain("$2a$").doesNotContain("restored-analyst")
                .doesNotContain(USER_PASSWORD).doesNotContain(ADMIN_PASSWORD).doesNotContain(BACKUP_PASSPHRASE);
        // With the passphrase it opens, and holds the hashes (never a password) and the audit log.
        String content = new String(new BackupCipher(BACKUP_PASSPHRASE).decrypt(onDisk), StandardCharsets.UTF_8);
        assertThat(content).contains("Badr Salem").contains("\"passwordHash\":\"$2").doesNotContain(USER_PASSWORD)
                .doesNotContain(ADMIN_PASSWORD);
        assertThat(json.readTree(content).get("version").asInt()).isEqualTo(2);
        assertThat(json.readTree(content).get("auditLog").toString()).contains("USER_CREATED");
        assertThat(http.getForObject("/api/admin/backups", JsonNode.class).toString()).contains(file);
        JsonNode backupEntry = http.getForObject("/api/audit?action=BACKUP", JsonNode.class).get(0);
        assertThat(backupEntry.get("target").asText()).isEqualTo(file);
        assertThat(backupEntry.get("user").asText()).isEqualTo("admin");

        // Restoring over a store that holds a network is refused and changes nothing.
        ResponseEntity<JsonNode> refused = send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("empty store");

        // Lose everything: the network, the audit log and the user.
        clear();
        deleteUser("restored-analyst");
        try (Session session = driver.session()) {
            session.run("MATCH (s:Secret {name: 'pseudonym-key'}) DELETE s").consume();
        }
        assertThat(anonymous.withBasicAuth("restored-analyst", USER_PASSWORD).getForEntity("/api/me", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // The new store audits something of its own before the restore: it is re-linked after the backup's chain.
        http.getForObject("/api/export", JsonNode.class);
        ResponseEntity<JsonNode> restored = send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}");
        assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(restored.getBody().get("network").get("rejected")).isEmpty();
        assertThat(restored.getBody().get("usersCreated").asInt()).isEqualTo(1);
        assertThat(restored.getBody().get("pseudonymKeyRestored").asBoolean()).isTrue();
        assertThat(pseudonymKey()).isEqualTo(key);

        JsonNode after = http.getForObject("/api/export", JsonNode.class);
        assertThat(after).isEqualTo(before);
        JsonNode badr = http.getForObject("/api/contacts/c-badr", JsonNode.class);
        assertThat(badr.get("name").asText()).isEqualTo("Badr Salem");
        assertThat(badr.get("confidential").asBoolean()).isTrue();
        assertThat(badr.get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(badr.get("channels").toString()).isEqualTo("[\"signal:+20-000\"]");
        assertThat(badr.get("notes").asText()).isEqualTo("met during 2025 visit");
        // A joint communication comes back with every mandate that sent it.
        assertThat(http.getForObject("/api/communications/comm-1", JsonNode.class).get("mandates").toString())
                .isEqualTo("[\"m-hrd\",\"m-er\"]");
        assertThat(anonymous.withBasicAuth("restored-analyst", USER_PASSWORD).getForObject("/api/me", JsonNode.class)
                .get("role").asText()).isEqualTo("ANALYST");
        assertThat(analystPseudonyms()).isEqualTo(pseudonym);
        JsonNode audit = http.getForObject("/api/audit?size=1000", JsonNode.class);
        // The log as it was at the backup, then the restore (the backup's own entry came after its snapshot).
        assertThat(actions(audit)).contains("USER_CREATED", "IMPORT", "EXPORT", "RESTORE").doesNotContain("BACKUP");
        JsonNode restoreEntry = http.getForObject("/api/audit?action=RESTORE", JsonNode.class).get(0);
        assertThat(restoreEntry.get("target").asText()).isEqualTo(file);
        assertThat(restoreEntry.get("detail").asText()).contains("users created 1");
        // The chain verifies after the restore, and the head anchored before the backup is still there at its place.
        JsonNode verified = http.getForObject("/api/audit/verify", JsonNode.class);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("headSeq").asLong()).isGreaterThan(anchored.get("headSeq").asLong() + 1);
        JsonNode anchor = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("seq").asLong() == anchored.get("headSeq").asLong()).findFirst().orElseThrow();
        assertThat(anchor.get("hash").asText()).isEqualTo(anchored.get("headHash").asText());
    }

    @Test
    void aRestoreKeepsWhoRecordedWhatAndIsAllOrNothing() throws Exception {
        assertThat(send(as(Role.OFFICER), HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-hers\",\"name\":\"Recorded By An Officer\",\"country\":\"KE\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String file = send(http, HttpMethod.POST, "/api/admin/backup", null).getBody().get("file").asText();
        byte[] plain = new BackupCipher(BACKUP_PASSPHRASE).decrypt(Files.readAllBytes(BACKUPS.resolve(file)));
        clear();

        assertThat(send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(recordedBy("c-hers")).isEqualTo("test-officer");
        assertThat(http.getForObject("/api/history/c-hers", JsonNode.class).get("recordedBy").asText())
                .isEqualTo("test-officer");

        // A pseudonym key that is not Base64: refused before anything is written.
        clear();
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(plain);
        broken.put("version", 1).put("pseudonymKey", "not base64 at all!");
        ResponseEntity<JsonNode> badKey = restorePlain("bad-key.json", broken);
        assertThat(badRequestFields(badKey)).contains("pseudonymKey");
        assertThat(networkNodes()).isZero();

        // One refused row refuses the whole file, naming the row; nothing is written.
        broken.put("pseudonymKey", json.readTree(plain).get("pseudonymKey").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("network").get("contacts").get(0)).put("country", "XX");
        ResponseEntity<JsonNode> badRow = restorePlain("bad-row.json", broken);
        assertThat(badRequestFields(badRow)).contains("network.contacts[1]", "file");
        assertThat(networkNodes()).isZero();
    }

    private ResponseEntity<JsonNode> restorePlain(String name, JsonNode content) throws IOException {
        Files.write(BACKUPS.resolve(name), json.writeValueAsBytes(content));
        return send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + name + "\"}");
    }

    private String recordedBy(String id) {
        try (Session session = driver.session()) {
            return session.run("MATCH (n:Node {id: $id}) RETURN n.recordedBy AS who", Map.of("id", id)).single()
                    .get("who").asString(null);
        }
    }

    private long networkNodes() {
        try (Session session = driver.session()) {
            return session.run("MATCH (n:Node) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    @Test
    void aTruncatedOrAlteredEncryptedBackupIsRefusedAndNothingIsWritten() throws IOException {
        String file = send(http, HttpMethod.POST, "/api/admin/backup", null).getBody().get("file").asText();
        byte[] good = Files.readAllBytes(BACKUPS.resolve(file));
        clear();
        deleteUser("restored-analyst");
        long users = count("User");
        String key = pseudonymKey();
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        damaged.put("truncated-tag.cvbk", Arrays.copyOf(good, good.length - 1));
        damaged.put("truncated-half.cvbk", Arrays.copyOf(good, good.length / 2));
        damaged.put("truncated-header.cvbk", Arrays.copyOf(good, 20));
        damaged.put("flipped-header.cvbk", flipped(good, 30));
        damaged.put("flipped-body.cvbk", flipped(good, good.length / 2));
        damaged.put("flipped-tag.cvbk", flipped(good, good.length - 3));
        for (Map.Entry<String, byte[]> entry : damaged.entrySet()) {
            Files.write(BACKUPS.resolve(entry.getKey()), entry.getValue());
            ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/admin/restore",
                    "{\"file\":\"" + entry.getKey() + "\"}");
            assertThat(badRequestFields(response)).as(entry.getKey()).containsExactly("file");
            assertThat(response.getBody().get("errors").get(0).get("reason").asText()).as(entry.getKey())
                    .contains("cannot be decrypted: wrong passphrase or damaged file").contains("nothing was restored");
        }
        // Nothing of the network, the users or the key reached the store; only the refusals were audited.
        assertThat(count("Node")).isZero();
        assertThat(count("User")).isEqualTo(users);
        assertThat(pseudonymKey()).isEqualTo(key);
        JsonNode audit = http.getForObject("/api/audit?size=100", JsonNode.class);
        assertThat(actions(audit)).hasSize(damaged.size()).containsOnly("RESTORE");
        // The intact file still restores.
        assertThat(send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"" + file + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(count("Node")).isPositive();
    }

    @Test
    void aVersionOnePlainBackupStillRestores() throws IOException {
        JsonNode before = http.getForObject("/api/export", JsonNode.class);
        clear();
        deleteUser("legacy-officer");
        // What civnet wrote before backups were encrypted: the same document, as plain JSON, version 1.
        BackupFile legacy = new BackupFile("civnet-backup", 1, "2026-01-05T10:00:00Z", 7,
                json.treeToValue(before, NetworkDocument.class),
                List.of(new UserAccounts.StoredUser("legacy-officer", new BCryptPasswordEncoder().encode(USER_PASSWORD), "OFFICER",
                        "2026-01-01T09:00:00Z")),
                List.of(new AuditLog.Entry("legacy-audit-1", "2026-01-02T09:00:00Z", "admin", "IMPORT", "network", "")),
                null, null, null);
        Files.createDirectories(BACKUPS);
        Files.writeString(BACKUPS.resolve("civnet-backup-20260105T100000.000Z.json"), json.writeValueAsString(legacy));
        assertThat(http.getForObject("/api/admin/backups", JsonNode.class).toString())
                .contains("civnet-backup-20260105T100000.000Z.json");

        ResponseEntity<JsonNode> restored = send(http, HttpMethod.POST, "/api/admin/restore",
                "{\"file\":\"civnet-backup-20260105T100000.000Z.json\"}");
        assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(restored.getBody().get("usersCreated").asInt()).isEqualTo(1);
        assertThat(restored.getBody().get("auditEntriesRestored").asInt()).isEqualTo(1);
        // Its entry, written before the chain, is linked after the head.
        assertThat(http.getForObject("/api/audit/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
        assertThat(http.getForObject("/api/export", JsonNode.class)).isEqualTo(before);
        assertThat(anonymous.withBasicAuth("legacy-officer", USER_PASSWORD).getForObject("/api/me", JsonNode.class)
                .get("role").asText()).isEqualTo("OFFICER");
        deleteUser("legacy-officer");
    }

    @Test
    void withoutAPassphraseNoBackupIsWrittenAndEncryptedOnesDoNotRestore(@Autowired CivnetProperties properties,
            @Autowired NetworkStore store, @Autowired NetworkExporter exporter, @Autowired NetworkImporter importer,
            @Autowired Provenance provenance, @Autowired UserAccounts accounts, @Autowired AuditLog audit,
            @Autowired org.civnet.network.FieldKeys fieldKeys, @Autowired org.civnet.erasure.ErasureService erasures)
            throws IOException {
        String file = send(http, HttpMethod.POST, "/api/admin/backup", null).getBody().get("file").asText();
        CivnetProperties unset = new CivnetProperties(properties.neo4j(), properties.demo(), properties.limits(),
                properties.analysis(), properties.referral(), new CivnetProperties.Backup(BACKUPS, ""),
                properties.coverage(), properties.adminPassword(), properties.secretsDirectory(), properties.fieldKey(), properties.session(),
                properties.privacy(), properties.consent(), properties.retention());
        BackupService withoutPassphrase = new BackupService(unset, store, exporter, importer, provenance, accounts, audit,
                fieldKeys, json, erasures);
        List<Path> files = files();

        assertThatThrownBy(withoutPassphrase::backup).isInstanceOf(ConflictException.class)
                .hasMessageContaining("set CIVNET_BACKUP_PASSPHRASE").hasMessageContaining("nothing was written");
        assertThat(files()).isEqualTo(files);

        clear();
        assertThatThrownBy(() -> withoutPassphrase.restore(file)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is encrypted").hasMessageContaining("set CIVNET_BACKUP_PASSPHRASE");
        assertThat(count("Node")).isZero();
    }

    @Test
    void restoreReadsOnlyPlainFileNamesInsideTheBackupDirectory() throws IOException {
        clear();
        Path outside = Files.createTempFile("civnet-outside", ".json");
        Files.writeString(outside, "{}");
        Files.createDirectories(BACKUPS);
        Path link = BACKUPS.resolve("link-to-outside.json");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        for (String name : List.of("../" + outside.getFileName(), outside.toString(), "..%2F" + outside.getFileName(),
                "sub/../../x.json", "..", ".hidden.json", "backup.json\\u0000.txt", "C:\\\\windows\\\\x.json",
                "link-to-outside.json")) {
            ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/admin/restore",
                    "{\"file\":\"" + name.replace("\"", "\\\"") + "\"}");
            assertThat(response.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        }
        assertThat(send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"no-such-backup.json\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Files.writeString(BACKUPS.resolve("not-a-backup.json"), "{\"hello\":1}");
        assertThat(send(http, HttpMethod.POST, "/api/admin/restore", "{\"file\":\"not-a-backup.json\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // Nothing was restored, and every refusal is in the audit log.
        try (Session session = driver.session()) {
            assertThat(session.run("MATCH (n:Node) RETURN count(n) AS n").single().get("n").asLong()).isZero();
        }
        JsonNode audit = http.getForObject("/api/audit?action=RESTORE&size=100", JsonNode.class);
        assertThat(audit.size()).isEqualTo(11);
        assertThat(audit.toString()).contains("refused");
    }

    @Test
    void onlyAdministratorsMayBackUpOrRestore() {
        for (Role role : List.of(Role.OFFICER, Role.ANALYST, Role.REPORTS)) {
            assertThat(send(as(role), HttpMethod.POST, "/api/admin/backup", null).getStatusCode()).as(role.name())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send(as(role), HttpMethod.POST, "/api/admin/restore", "{\"file\":\"x.json\"}").getStatusCode())
                    .as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send(as(role), HttpMethod.GET, "/api/admin/backups", null).getStatusCode()).as(role.name())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(send(anonymous, HttpMethod.POST, "/api/admin/backup", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static List<String> actions(JsonNode audit) {
        return java.util.stream.StreamSupport.stream(audit.spliterator(), false).map(e -> e.get("action").asText()).toList();
    }

    private long count(String label) {
        try (Session session = driver.session()) {
            return session.run("MATCH (n:" + label + ") RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    private static byte[] flipped(byte[] file, int position) {
        byte[] copy = file.clone();
        copy[position] ^= 0x01;
        return copy;
    }

    private static List<Path> files() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(BACKUPS)) {
            return files.sorted().toList();
        }
    }

    private String pseudonymKey() {
        try (Session session = driver.session()) {
            return session.run("MATCH (s:Secret {name: 'pseudonym-key'}) RETURN s.value AS v").list().stream()
                    .map(r -> r.get("v").asString()).findFirst().orElse(null);
        }
    }

    private void deleteUser(String username) {
        try (Session session = driver.session()) {
            session.run("MATCH (u:User {username: $username}) DETACH DELETE u", Map.of("username", username))
                    .consume();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("civnet-backups").resolve("backups");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pseudonyms an analyst sees in the contact list. */
    private java.util.List<String> analystPseudonyms() {
        java.util.List<String> out = new java.util.ArrayList<>();
        as(Role.ANALYST).getForObject("/api/contacts?size=500", JsonNode.class).get("items").forEach(item -> {
            if (item.get("id").asText().startsWith("anon-")) {
                out.add(item.get("id").asText());
            }
        });
        return out;
    }
}
