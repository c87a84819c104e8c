package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.network.NetworkStore;
import org.civnet.security.Redactor;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;

/**
 * Property: whatever sequence of writes arrives through the API, the snapshot the cache keeps by
 * applying change records equals one read whole from the store, column by column and tie by tie.
 * Seeded random sequences over every write endpoint (node create, PUT, PATCH and delete for
 * contacts, organisations and mandates; ties created, updated and deleted; introductions requested
 * and made; activities with participants and their follow-ups; JSON and CSV imports; a handover;
 * a backup restored into the emptied store), compared after every write.
 */
class IncrementalSnapshotIT extends IntegrationTest {

    private static final String[] COUNTRIES = {"JO", "EG", "TN", "LB", "FR"};
    private static final String[] THEMES = {"TORTURE", "DETENTION", "HUMAN_RIGHTS_DEFENDERS"};
    private static final String[] KINDS = {"contacts", "organisations", "mandates"};

    @Autowired
    SnapshotCache cache;

    @Autowired
    SnapshotReader reader;

    @Autowired
    NetworkStore store;

    @Autowired
    Redactor redactor;

    @Autowired
    ApplicationContext context;

    private static final Path BACKUPS = createTempDirectory();

    @DynamicPropertySource
    static void backupDirectory(DynamicPropertyRegistry registry) {
        registry.add("civnet.backup.directory", BACKUPS::toString);
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("civnet-incremental-backups");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected void clear() {
        super.clear();
        introductions.clear();
        // The store bumped the version behind this instance's back; forget the remembered one.
        store.versionChanged();
    }

    private Random random;
    private final Map<String, Integer> succeeded = new TreeMap<>();
    private final List<String> introductions = new ArrayList<>();

    @Test
    void theIncrementallyKeptSnapshotEqualsAFreshReadAfterEveryWrite() {
        long patchesBefore = cache.patches();
        for (long seed = 1; seed <= 3; seed++) {
            random = new Random(seed);
            clear();
            seedNetwork();
            for (int step = 0; step < 45; step++) {
                String write = randomWrite();
                assertSameAsFreshRead("seed " + seed + ", step " + step + ": " + write);
            }
        }
        backupThenRestore();
        assertSameAsFreshRead("after restore");
        // The cache applied change records rather than reading whole, and the kinds of write ran
        // (introductions made and follow-ups are in the mix too, but depend on the draw).
        assertThat(cache.patches() - patchesBefore).as("patches; writes that succeeded: " + succeeded).isGreaterThan(20);
        assertThat(succeeded.keySet()).as("writes that succeeded").contains("contact", "organisation", "mandate", "tie",
                "tie delete", "introduction", "activity", "participant", "json import", "csv import", "handover",
                "delete", "put", "patch");
    }

    /** The whole network, and the referral search's scope (contacts, organisations, mandates, three tie types). */
    private static final List<AnalysisScope> SCOPES = List.of(AnalysisScope.all(),
            org.civnet.referral.ReferralService.scope(null, null));

    private void assertSameAsFreshRead(String after) {
        GraphData kept = cache.graphData();
        GraphData fresh = reader.read();
        assertThat(kept.graphVersion()).as(after).isEqualTo(fresh.graphVersion());
        GraphDataContent expected = GraphDataContent.of(fresh);
        GraphDataContent actual = GraphDataContent.of(kept);
        assertThat(actual.nodes()).as(after).isEqualTo(expected.nodes());
        assertThat(actual.ties()).as(after).isEqualTo(expected.ties());
        // The scoped snapshots analyses use, each brought forward from the previous version's
        // (ScopedPatch) when it could be: equal to the scope built from the fresh read.
        for (AnalysisScope scope : SCOPES) {
            ScopedContent keptScope = ScopedContent.of(cache.get(scope).snapshot());
            ScopedContent builtScope = ScopedContent.of(NetworkSnapshot.of(fresh, scope));
            assertThat(keptScope.graphVersion()).as(after + ", " + scope).isEqualTo(builtScope.graphVersion());
            assertThat(keptScope.vertices()).as(after + ", " + scope).isEqualTo(builtScope.vertices());
            assertThat(keptScope.adjacency()).as(after + ", " + scope).isEqualTo(builtScope.adjacency());
        }
        // The redactor brings its protected people forward from the same records: they must be
        // those a redactor that never saw an earlier version reads.
        Redactor freshRedactor = context.getAutowireCapableBeanFactory().createBean(Redactor.class);
        assertThat(redactor.protectedNames()).as(after + ": protected people").isEqualTo(freshRedactor.protectedNames());
    }

    private void seedNetwork() {
        for (int i = 0; i < 6; i++) {
            createContact();
            createOrganisation();
        }
        createMandate();
        for (int i = 0; i < 10; i++) {
            randomTie();
        }
    }

    private String randomWrite() {
        List<Supplier<String>> writes = List.of(
                this::createContact, this::createOrganisation, this::createMandate,
                this::put, this::patch, this::delete,
                this::randomTie, this::randomTie, this::deleteTie,
                this::introduce, this::makeIntroduction,
                this::activity, this::followUp,
                this::jsonImport, this::csvImport, this::handover);
        return writes.get(random.nextInt(writes.size())).get();
    }

    // ---- writes ---------------------------------------------------------------------------------

    private String createContact() {
        String id = "c-" + random.nextInt(16);
        return post("contact", "/api/contacts", contact(id));
    }

    private String contact(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Contact " + random.nextInt(1000) + "\",\"kind\":\"DEFENDER\","
                + "\"country\":\"" + pick(COUNTRIES) + "\",\"themes\":[\"" + pick(THEMES) + "\"],"
                + "\"riskLevel\":\"" + pick(new String[] {"NONE", "LOW", "HIGH"}) + "\","
                + "\"consentToIntroduce\":" + random.nextBoolean() + ",\"confidential\":" + random.nextBoolean()
                + ",\"responsibleOfficer\":\"leaver\"}";
    }

    private String createOrganisation() {
        String id = "o-" + random.nextInt(8);
        return post("organisation", "/api/organisations", "{\"id\":\"" + id + "\",\"name\":\"Org " + random.nextInt(1000)
                + "\",\"type\":\"NGO_NATIONAL\",\"country\":\"" + pick(COUNTRIES) + "\",\"themes\":[\"" + pick(THEMES) + "\"]}");
    }

    private String createMandate() {
        String id = "m-" + random.nextInt(4);
        return post("mandate", "/api/mandates", "{\"id\":\"" + id + "\",\"title\":\"Mandate " + random.nextInt(1000)
                + "\",\"kind\":\"THEMATIC\",\"holderType\":\"SPECIAL_RAPPORTEUR\",\"themes\":[\"" + pick(THEMES) + "\"]}");
    }

    private String put() {
        String id = existingContact();
        return record("put", send(http, HttpMethod.PUT, "/api/contacts/" + id, contact(id)), "PUT " + id);
    }

    private String patch() {
        String kind = pick(KINDS);
        String id = kind.equals("contacts") ? existingContact() : kind.equals("organisations") ? existing("o-", 8)
                : existing("m-", 4);
        String field = kind.equals("mandates") ? "title" : "name";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
        String body = "{\"" + field + "\":\"Patched " + random.nextInt(1000) + "\",\"themes\":[\"" + pick(THEMES) + "\"]}";
        return record("patch", http.exchange("/api/" + kind + "/" + id, HttpMethod.PATCH, new HttpEntity<>(body, headers),
                JsonNode.class), "PATCH " + id);
    }

    private String delete() {
        String kind = pick(KINDS);
        String id = kind.equals("contacts") ? existingContact() : kind.equals("organisations") ? existing("o-", 8)
                : existing("m-", 4);
        return record("delete", send(http, HttpMethod.DELETE, "/api/" + kind + "/" + id, null), "DELETE " + id);
    }

    private String randomTie() {
        int kind = random.nextInt(4);
        String body = switch (kind) {
            case 0, 1 -> "{\"type\":\"KNOWS\",\"from\":\"" + existingContact() + "\",\"to\":\"" + existingContact()
                    + "\",\"trust\":" + (1 + random.nextInt(5)) + ",\"since\":\"2020-0" + (1 + random.nextInt(9))
                    + "-01\",\"lastContact\":\"2024-0" + (1 + random.nextInt(9)) + "-01\"}";
            case 2 -> "{\"type\":\"AFFILIATED_WITH\",\"from\":\"" + existingContact() + "\",\"to\":\"" + existing("o-", 8) + "\"}";
            default -> "{\"type\":\"PARTNERS_WITH\",\"from\":\"" + existing("o-", 8) + "\",\"to\":\"" + existing("m-", 4) + "\"}";
        };
        return record("tie", send(http, HttpMethod.POST, "/api/ties", body), "tie " + body);
    }

    private String deleteTie() {
        String from = existingContact();
        List<String> ties = new ArrayList<>();
        JsonNode stored = http.getForObject("/api/ties?node=" + from, JsonNode.class);
        if (stored == null || !stored.isArray()) {
            return "no node " + from;
        }
        stored.forEach(t ->
                ties.add("type=" + t.get("type").asText() + "&from=" + t.get("from").asText() + "&to=" + t.get("to").asText()));
        if (ties.isEmpty()) {
            return "no tie of " + from;
        }
        String query = ties.get(random.nextInt(ties.size()));
        return record("tie delete", send(http, HttpMethod.DELETE, "/api/ties?" + query, null), "DELETE tie " + query);
    }

    private String introduce() {
        String body = "{\"id\":\"i-" + random.nextInt(30) + "\",\"introducer\":\"" + existingContact()
                + "\",\"introduced\":\"" + existingContact() + "\",\"recipient\":\"" + existingContact()
                + "\",\"status\":\"" + (random.nextInt(3) == 0 ? "MADE" : "REQUESTED") + "\",\"date\":\"2025-02-01\"}";
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/introductions", body);
        if (response.getStatusCode().is2xxSuccessful()) {
            introductions.add(response.getBody().get("id").asText());
        }
        return record("introduction", response, "POST /api/introductions");
    }

    private String makeIntroduction() {
        if (introductions.isEmpty()) {
            return "no introduction yet";
        }
        String id = introductions.get(random.nextInt(introductions.size()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/merge-patch+json"));
        return record("introduction made", http.exchange("/api/introductions/" + id, HttpMethod.PATCH,
                new HttpEntity<>("{\"status\":\"MADE\",\"date\":\"2025-06-0" + (1 + random.nextInt(9)) + "\"}", headers),
                JsonNode.class), "MADE " + id);
    }

    private String activity() {
        int kind = random.nextInt(3);
        String id = "a-" + random.nextInt(10);
        String path = switch (kind) {
            case 0 -> "/api/communications";
            case 1 -> "/api/country-visits";
            default -> "/api/trainings";
        };
        String body = switch (kind) {
            case 0 -> "{\"id\":\"" + id + "\",\"type\":\"URGENT_APPEAL\",\"date\":\"2025-03-01\"}";
            case 1 -> "{\"id\":\"" + id + "\",\"country\":\"JO\",\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-05\"}";
            default -> "{\"id\":\"" + id + "\",\"title\":\"Training\",\"date\":\"2025-03-01\"}";
        };
        String created = post("activity", path, body);
        String type = kind == 0 ? "SOURCE_OF" : kind == 1 ? "MET_DURING" : "ATTENDED";
        String tie = "{\"type\":\"" + type + "\",\"from\":\"" + existingContact() + "\",\"to\":\"" + id + "\"}";
        return created + "; " + record("participant", send(http, HttpMethod.POST, "/api/ties", tie), "participant " + tie);
    }

    private String followUp() {
        String activity = "a-" + random.nextInt(10);
        JsonNode participants = http.getForObject("/api/activities/" + activity + "/participants", JsonNode.class);
        if (participants == null || !participants.isArray() || participants.isEmpty()) {
            return "no participants of " + activity;
        }
        JsonNode p = participants.get(random.nextInt(participants.size()));
        String status = switch (p.path("tie").asText()) {
            case "SOURCE_OF" -> random.nextBoolean() ? "INFORMED" : "NOT_INFORMED";
            case "MET_DURING" -> random.nextBoolean() ? "REPORT_SENT" : "NOT_SENT";
            default -> null;
        };
        if (status == null) {
            return "no follow-up for " + p;
        }
        return record("follow-up", send(http, HttpMethod.PUT, "/api/activities/" + activity + "/participants/"
                + p.get("id").asText(), "{\"followUp\":\"" + status + "\"}"), "follow-up " + activity);
    }

    private String jsonImport() {
        String a = "c-" + random.nextInt(16);
        String b = "c-" + random.nextInt(16);
        String body = "{\"contacts\":[" + contact(a) + "," + contact(b) + "],\"ties\":[{\"type\":\"KNOWS\",\"from\":\"" + a
                + "\",\"to\":\"" + b + "\",\"trust\":" + (1 + random.nextInt(5)) + "},{\"type\":\"AFFILIATED_WITH\",\"from\":\""
                + a + "\",\"to\":\"" + existing("o-", 8) + "\"}]}";
        return record("json import", send(http, HttpMethod.POST, "/api/import", body), "import " + a + ", " + b);
    }

    private String csvImport() {
        String a = "c-" + random.nextInt(16);
        String contacts = "id,name,kind,country,riskLevel,consentToIntroduce\n" + a + ",CSV " + random.nextInt(1000)
                + ",LAWYER," + pick(COUNTRIES) + ",LOW," + random.nextBoolean() + "\n";
        String ties = "type,from,to,trust\nKNOWS," + a + "," + existingContact() + "," + (1 + random.nextInt(5)) + "\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file("contacts.csv", contacts));
        parts.add("file", file("ties.csv", ties));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return record("csv import", http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers),
                JsonNode.class), "CSV import " + a);
    }

    private String handover() {
        return record("handover", send(http, HttpMethod.POST, "/api/handover/reassign",
                "{\"from\":\"leaver\",\"to\":\"admin\"}"), "handover");
    }

    private void backupThenRestore() {
        ResponseEntity<JsonNode> backup = send(http, HttpMethod.POST, "/api/admin/backup", null);
        assertThat(backup.getStatusCode().is2xxSuccessful()).as(String.valueOf(backup.getBody())).isTrue();
        clear();
        assertSameAsFreshRead("after emptying the store");
        ResponseEntity<JsonNode> restored = send(http, HttpMethod.POST, "/api/admin/restore",
                "{\"file\":\"" + backup.getBody().get("file").asText() + "\"}");
        assertThat(restored.getStatusCode().is2xxSuccessful()).as(String.valueOf(restored.getBody())).isTrue();
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private String post(String what, String path, String body) {
        return record(what, send(http, HttpMethod.POST, path, body), "POST " + path);
    }

    private String record(String what, ResponseEntity<JsonNode> response, String description) {
        assertThat(response.getStatusCode().is5xxServerError()).as(description + ": " + response.getBody()).isFalse();
        if (response.getStatusCode().is2xxSuccessful()) {
            succeeded.merge(what, 1, Integer::sum);
        }
        return description + " -> " + response.getStatusCode().value();
    }

    /** A contact that exists now (so introductions, participants and tie deletions find their people), or c-0. */
    private String existingContact() {
        JsonNode page = http.getForObject("/api/contacts?size=100", JsonNode.class);
        List<String> ids = new ArrayList<>();
        if (page != null) {
            page.path("items").forEach(c -> ids.add(c.get("id").asText()));
        }
        return ids.isEmpty() ? "c-0" : ids.get(random.nextInt(ids.size()));
    }

    /** An id of this prefix that was probably created (the pool is small, so most are). */
    private String existing(String prefix, int pool) {
        return prefix + random.nextInt(pool);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

}
