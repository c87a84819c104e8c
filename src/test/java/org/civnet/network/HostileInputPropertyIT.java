package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.civnet.domain.CommunicationType;
import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.FollowUp;
import org.civnet.domain.HolderType;
import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.Scope;
import org.civnet.domain.TieType;

/**
 * Property-based hostile-input test (issue 14): random and boundary values (dates, numbers, strings
 * from every Unicode general category, list sizes, wrong JSON types, missing, unknown and
 * out-of-enumeration fields) go through every write endpoint and both import formats; the properties
 * are that no request is a 5xx, every 4xx is a problem detail and every 400 names a field; and that
 * afterwards, whatever was accepted, every analysis answers, both XML exports parse, the JSON export
 * re-imports into an empty store without a rejection, and a backup restores to the same export.
 *
 * <p><b>Why a seeded generator and not jqwik.</b> jqwik is available on Maven Central, but it is a
 * JUnit Platform engine of its own: Spring's test context (the running server, the real Neo4j, the
 * {@link IntegrationTest} clients) hooks into Jupiter's extension model, which jqwik's properties do
 * not go through, and each of its tries would rebuild state we want to accumulate (the point is that
 * hostile records <em>accumulate</em> in one store and the analyses, exports and backup then meet all
 * of them). Shrinking, jqwik's main gain, matters little here: every failure is reported with the
 * request that caused it. So this is a plain Jupiter test driving a {@link Random} seeded from
 * {@code -Dcivnet.fuzz.seed} (default {@value #DEFAULT_SEED}); every failure message carries the seed,
 * and the same seed replays the same requests ({@code -Dcivnet.fuzz.requests} sets how many).
 */
class HostileInputPropertyIT extends IntegrationTest {

    static final long DEFAULT_SEED = 14L;
    private static final long SEED = Long.getLong("civnet.fuzz.seed", DEFAULT_SEED);
    private static final int REQUESTS = Integer.getInteger("civnet.fuzz.requests", 500);
    private static final Path BACKUPS = temporaryDirectory();

    @DynamicPropertySource
    static void backupDirectory(DynamicPropertyRegistry registry) {
        registry.add("civnet.backup.directory", BACKUPS::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("civnet-fuzz-backups");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();
    /** Every request and answer, written to target/ so a failure can be read request by request. */
    private final StringBuilder journal = new StringBuilder();
    private String officerAuth;

    private static final String BASE_NETWORK = """
            {"contacts": [
               {"id": "c-1", "name": "Amal", "country": "JO", "consentToIntroduce": true, "themes": ["LAND"]},
               {"id": "c-2", "name": "Badr", "country": "EG", "riskLevel": "HIGH", "consentToIntroduce": true},
               {"id": "c-3", "name": "Chidi", "country": "NG", "consentToIntroduce": true},
               {"id": "c-4", "name": "Dana", "country": "FR", "confidential": true, "notes": "met in Geneva"},
               {"id": "c-5", "name": "Eva", "country": "BR", "channels": ["signal:+55"]}],
             "organisations": [{"id": "o-1", "name": "Land Watch", "type": "NGO_NATIONAL", "country": "EG"},
                               {"id": "o-2", "name": "Rights Now", "country": "KE"}],
             "mandates": [{"id": "m-1", "title": "SR on defenders", "kind": "THEMATIC", "holderType": "SPECIAL_RAPPORTEUR"},
                          {"id": "m-2", "title": "SR on Egypt", "kind": "COUNTRY", "holderType": "SPECIAL_RAPPORTEUR", "country": "EG"}],
             "networks": [{"id": "n-1", "name": "Platform"}],
             "communications": [{"id": "comm-1", "type": "URGENT_APPEAL", "date": "2024-02-29", "country": "EG", "mandates": ["m-1"]}],
             "countryVisits": [{"id": "v-1", "mandate": "m-2", "country": "EG", "startDate": "2024-01-01", "endDate": "2024-01-10"}],
             "trainings": [{"id": "t-1", "title": "Reporting", "date": "2023-05-01"}],
             "ties": [{"type": "KNOWS", "from": "c-1", "to": "c-2", "trust": 4},
                      {"type": "KNOWS", "from": "c-2", "to": "c-3", "trust": 3, "since": "2020-01-01"},
                      {"type": "KNOWS", "from": "c-3", "to": "c-4", "trust": 5},
                      {"type": "KNOWS", "from": "c-4", "to": "c-5"},
                      {"type": "AFFILIATED_WITH", "from": "c-1", "to": "o-1", "role": "director"},
                      {"type": "PARTNERS_WITH", "from": "o-1", "to": "m-1"},
                      {"type": "MEMBER_OF", "from": "o-1", "to": "n-1"},
                      {"type": "SOURCE_OF", "from": "c-2", "to": "comm-1", "followUp": "NOT_INFORMED"},
                      {"type": "MET_DURING", "from": "c-3", "to": "v-1"},
                      {"type": "ATTENDED", "from": "c-5", "to": "t-1"}],
             "introductions": [{"id": "i-1", "introducer": "c-2", "introduced": "c-3", "recipient": "c-1"}]}""";

    @Test
    void hostileInputNeverBreaksTheServiceNorWhatComesAfter() throws Exception {
        String context = "seed " + SEED + " (replay with -Dcivnet.fuzz.seed=" + SEED + ")";
        as(Role.OFFICER);
        officerAuth = basic("test-officer", "test-role-password-1");
        Response base = call("POST", "/api/import", "application/json", BASE_NETWORK, adminAuth());
        assertThat(base.status).as(base.body).isEqualTo(200);
        assertThat(json.readTree(base.body).get("rejected")).as(base.body).isEmpty();

        Fuzzer fuzzer = new Fuzzer(new Random(SEED));
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            fuzzer.next(i);
        }
        long fuzzMillis = (System.nanoTime() - start) / 1_000_000;
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "hostile-input-" + SEED + ".log"), journal.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf("HostileInputPropertyIT: %s, %d requests in %d ms, statuses %s%n", context, REQUESTS, fuzzMillis, statuses);
        assertThat(failures).as(context + ": %d of %d requests broke a property", failures.size(), REQUESTS).isEmpty();

        everythingAfterStillWorks(context);
    }

    // ---- focused regressions for what the generator found ------------------------------------------

    /** Found by seed 14: a null in a list passed validation, then failed in Themes.distinct (500). */
    @Test
    void aNullInAListIsA400NamingTheEntry() throws Exception {
        Response organisation = call("POST", "/api/organisations", "application/json",
                "{\"name\":\"Org\",\"country\":\"EG\",\"themes\":[\"LAND\",null]}", adminAuth());
        assertThat(organisation.status).as(organisation.body).isEqualTo(400);
        assertThat(json.readTree(organisation.body).get("errors").toString()).contains("\"themes[1]\"");
        Response contact = call("PUT", "/api/contacts/c-9", "application/json",
                "{\"name\":\"Nour\",\"country\":\"EG\",\"channels\":[null]}", adminAuth());
        assertThat(contact.status).as(contact.body).isIn(400);
        Response imported = call("POST", "/api/import", "application/json",
                "{\"networks\":[{\"id\":\"n-9\",\"name\":\"N\",\"themes\":[null]}]}", adminAuth());
        assertThat(imported.status).as(imported.body).isEqualTo(200);
        assertThat(json.readTree(imported.body).at("/rejected/0/reason").asText()).contains("themes[0]");
    }

    /** Found by seed 2027: a null row in an import section was read as a null record (500). */
    @Test
    void aNullOrNonObjectImportRowIsRejectedNotA500() throws Exception {
        Response imported = call("POST", "/api/import", "application/json",
                "{\"mandates\":[null],\"contacts\":[null,7,[{}],{\"id\":\"k-1\",\"name\":\"K\",\"country\":\"JO\"}]}", adminAuth());
        assertThat(imported.status).as(imported.body).isEqualTo(200);
        JsonNode report = json.readTree(imported.body);
        assertThat(report.get("rejected")).hasSize(4);
        assertThat(report.get("rejected")).allSatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("(row) must be an object"));
        assertThat(report.at("/sections/contacts/created").asLong()).isEqualTo(1);
    }

    /** Found by seed 14: URLs refused before civnet's controllers were 400s that named no field. */
    @Test
    void aRefusedUrlIsA400NamingThePathOrTheRequest() throws Exception {
        for (String path : List.of("/api/networks/a%00", "/api/contacts/a%2Fb", "/api/contacts/a%252Fb",
                "/api/activities/../participants/x")) {
            Response r = call("DELETE", path, null, (String) null, adminAuth());
            assertThat(property(r)).as(path + " → " + r.body).isNull();
            assertThat(r.status).as(path).isEqualTo(400);
            assertThat(json.readTree(r.body).at("/errors/0/field").asText()).as(path).isIn("(path)", "(request)");
        }
    }

    /**
     * Found by seed 14: a name of ideographic spaces (U+3000) passed both blank checks, was stored
     * stripped to "", and the export could not be imported again.
     */
    @Test
    void aNameOfUnicodeSpacesIsRefusedEverywhere() throws Exception {
        for (String blank : List.of("\u3000", "\u2028", "\u2029", "\u1680\u3000", "\u00a0")) {
            Response put = call("PUT", "/api/networks/n-9", "application/json", "{\"name\":\"" + blank + "\"}", adminAuth());
            assertThat(put.status).as(blank + ": " + put.body).isEqualTo(400);
            assertThat(json.readTree(put.body).at("/errors/0/field").asText()).isEqualTo("name");
        }
        Response imported = call("POST", "/api/import", "application/json",
                "{\"mandates\":[{\"id\":\"m-9\",\"title\":\"\u3000\",\"kind\":\"THEMATIC\",\"holderType\":\"SPECIAL_RAPPORTEUR\"}]}",
                adminAuth());
        assertThat(json.readTree(imported.body).at("/rejected/0/reason").asText()).as(imported.body).contains("title");
    }

    /**
     * Found by seed 14: deleting a contact left the introductions it took part in without that
     * person, and the export could not be imported again. They go with the contact, and the answer
     * says how many.
     */
    @Test
    void deletingAContactDeletesItsIntroductions() throws Exception {
        assertThat(call("POST", "/api/import", "application/json", BASE_NETWORK, adminAuth()).status).isEqualTo(200);
        Response deleted = call("DELETE", "/api/contacts/c-3", null, (String) null, adminAuth());
        assertThat(deleted.status).as(deleted.body).isEqualTo(200);
        assertThat(json.readTree(deleted.body).get("introductionsRemoved").asLong()).isEqualTo(1);
        assertThat(call("GET", "/api/introductions/i-1", null, (String) null, adminAuth()).status).isEqualTo(404);
        Response export = call("GET", "/api/export", null, (String) null, adminAuth());
        clear();
        Response reimport = call("POST", "/api/import", "application/json", export.body, adminAuth());
        assertThat(json.readTree(reimport.body).get("rejected")).as(reimport.body).isEmpty();
    }

    /**
     * Found by seed 14: an introduction made with a date before the KNOWS tie's {@code since} set
     * lastContact to that date, before since, and the export could not be imported again.
     */
    @Test
    void anIntroductionMadeWithAnEarlyDateKeepsSinceBeforeLastContact() throws Exception {
        assertThat(call("POST", "/api/import", "application/json", BASE_NETWORK, adminAuth()).status).isEqualTo(200);
        assertThat(call("POST", "/api/ties", "application/json", "{\"type\":\"KNOWS\",\"from\":\"c-1\",\"to\":\"c-3\","
                + "\"trust\":2,\"since\":\"2019-06-01\",\"lastContact\":\"2020-01-01\"}", adminAuth()).status).isEqualTo(201);
        Response made = call("PUT", "/api/introductions/i-1", "application/json", "{\"introducer\":\"c-2\",\"introduced\":\"c-3\","
                + "\"recipient\":\"c-1\",\"status\":\"MADE\",\"date\":\"1900-01-01\"}", adminAuth());
        assertThat(made.status).as(made.body).isEqualTo(200);
        JsonNode tie = java.util.stream.StreamSupport.stream(json.readTree(call("GET", "/api/ties?node=c-3", null, (String) null,
                adminAuth()).body).spliterator(), false).filter(t -> t.get("type").asText().equals("KNOWS")
                && (t.get("from").asText() + t.get("to").asText()).contains("c-1")).findFirst().orElseThrow();
        assertThat(tie.get("trust").asInt()).isEqualTo(3);
        assertThat(tie.get("since").asText()).isEqualTo("1900-01-01");
        assertThat(tie.get("lastContact").asText()).isEqualTo("2020-01-01");
        Response export = call("GET", "/api/export", null, (String) null, adminAuth());
        clear();
        assertThat(json.readTree(call("POST", "/api/import", "application/json", export.body, adminAuth()).body).get("rejected"))
                .isEmpty();
    }

    // ---- afterwards ---------------------------------------------------------------------------------

    private void everythingAfterStillWorks(String context) throws Exception {
        List<String> broken = new ArrayList<>();
        for (String auth : List.of(adminAuth(), basic("test-analyst", "test-role-password-1"))) {
            if (!auth.equals(adminAuth())) {
                as(Role.ANALYST);
            }
            // c-2 is at HIGH risk: an analyst cannot name them by id (a guessed id answers as an unknown one),
            // so an analyst asks for a path to a mandate and the history of c-1 (the hostile requests never
            // write to either, so neither can become protected).
            boolean cleared = auth.equals(adminAuth());
            String target = cleared ? "c-2" : "m-1";
            String subject = cleared ? "c-2" : "c-1";
            for (String path : List.of("/api/analysis/centrality?metric=betweenness", "/api/analysis/centrality?metric=pagerank",
                    "/api/analysis/brokers", "/api/analysis/brokers?groupBy=theme:LAND", "/api/analysis/coalitions",
                    "/api/analysis/isolation", "/api/analysis/isolation?groupBy=theme", "/api/analysis/graph",
                    "/api/analysis/graph?nodes=Contact,Organisation,Mandate,Network,Communication,CountryVisit,Training",
                    "/api/referrals?from=c-1&region=AFRICA", "/api/referrals?from=c-1&to=" + target + "&k=3",
                    "/api/referrals/coverage?from=c-1&region=ARAB_REGION", "/api/reports/centrality",
                    "/api/reports/centrality?format=csv", "/api/reports/coverage", "/api/reports/coverage?format=csv",
                    "/api/graph/stats", "/api/contacts?size=500", "/api/organisations?size=500", "/api/mandates?size=500",
                    "/api/networks?size=500", "/api/communications?size=500", "/api/country-visits?size=500",
                    "/api/trainings?size=500", "/api/ties?node=c-1", "/api/history/" + subject, "/api/handover?mandate=m-1&format=csv", "/api/history/c-1",
                    "/api/followups/visit-reports", "/api/followups/communications", "/api/activities/comm-1/participants")) {
                Response r = call("GET", path, null, (String) null, auth);
                if (r.status != 200) {
                    broken.add("GET " + path + " → " + r.status + " " + abbreviate(r.body));
                }
            }
            Response resilience = call("POST", "/api/analysis/resilience", "application/json",
                    "{\"removeTop\":5,\"metric\":\"betweenness\"}", auth);
            if (resilience.status != 200) {
                broken.add("POST /api/analysis/resilience → " + resilience.status + " " + abbreviate(resilience.body));
            }
            for (String format : List.of("graphml", "gexf")) {
                Response xml = call("GET", "/api/export?format=" + format, null, (String) null, auth);
                if (xml.status != 200) {
                    broken.add(format + " export → " + xml.status);
                    continue;
                }
                try {
                    parseXml(xml.bytes);
                } catch (Exception e) {
                    broken.add(format + " export is not well-formed XML: " + e.getMessage());
                }
            }
        }
        assertThat(broken).as(context + ": after the hostile requests").isEmpty();

        // The JSON export, a backup of it, and both back into an empty store.
        Response export = call("GET", "/api/export", null, (String) null, adminAuth());
        assertThat(export.status).as(context).isEqualTo(200);
        JsonNode before = json.readTree(export.body);
        Files.write(Path.of("target", "hostile-input-" + SEED + "-export.json"), export.bytes);
        Response backup = call("POST", "/api/admin/backup", "application/json", (String) null, adminAuth());
        assertThat(backup.status).as(context + ": backup " + backup.body).isEqualTo(201);
        String file = json.readTree(backup.body).get("file").asText();

        clear();
        Response reimport = call("POST", "/api/import", "application/json", export.body, adminAuth());
        assertThat(reimport.status).as(context + ": re-import " + abbreviate(reimport.body)).isEqualTo(200);
        assertThat(json.readTree(reimport.body).get("rejected")).as(context + ": re-import of the export").isEmpty();
        assertThat(json.readTree(call("GET", "/api/export", null, (String) null, adminAuth()).body))
                .as(context + ": export after re-import").isEqualTo(before);

        clear();
        Response restore = call("POST", "/api/admin/restore", "application/json", "{\"file\":\"" + file + "\"}", adminAuth());
        assertThat(restore.status).as(context + ": restore " + abbreviate(restore.body)).isEqualTo(200);
        assertThat(json.readTree(restore.body).get("network").get("rejected")).as(context + ": restore").isEmpty();
        assertThat(json.readTree(call("GET", "/api/export", null, (String) null, adminAuth()).body))
                .as(context + ": export after restore").isEqualTo(before);
    }

    private static void parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        builder.parse(new ByteArrayInputStream(xml));
    }

    // ---- the properties of each answer --------------------------------------------------------------

    private void check(String request, Response r) {
        statuses.merge(String.valueOf(r.status), 1, Integer::sum);
        journal.append(r.status).append(' ').append(abbreviate(request)).append("\n    → ").append(abbreviate(r.body)).append('\n');
        String problem = property(r);
        if (problem != null && failures.size() < 200) {
            failures.add(problem + "\n      request: " + abbreviate(request) + "\n      answer:  " + abbreviate(r.body));
        }
    }

    /** What is wrong with an answer, or null. */
    private String property(Response r) {
        if (r.status >= 500) {
            return "status " + r.status;
        }
        if (r.status < 400) {
            return null;
        }
        if (r.contentType == null || !r.contentType.startsWith("application/problem+json")) {
            return r.status + " is not a problem detail (" + r.contentType + ")";
        }
        JsonNode body;
        try {
            body = json.readTree(r.body);
        } catch (IOException e) {
            return r.status + " problem detail is not JSON";
        }
        if (body.path("status").asInt() != r.status || body.path("title").asText().isBlank()) {
            return r.status + " problem detail lacks status or title";
        }
        if (r.status == 400) {
            JsonNode errors = body.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return "400 names no field";
            }
            for (JsonNode e : errors) {
                if (e.path("field").asText().isBlank() || e.path("reason").asText().isBlank()) {
                    return "400 has an error without field or reason";
                }
            }
        }
        return null;
    }

    // ---- the generator ------------------------------------------------------------------------------

    /** One field of a record: how to write a valid value, and which kind of hostile value fits it. */
    private enum Type { ID, TEXT, REQUIRED_TEXT, FREE_TEXT, COUNTRY, ENUM, BOOL, DATE, TIMESTAMP, THEMES, TEXT_LIST, REF, REF_LIST, TRUST }

    private record Field(String name, Type type, Supplier<String> valid) {
    }

    /** Records the checks afterwards start from (referrals from c-1, a handover of m-1…): never deleted. */
    private static final java.util.Set<String> KEEP = java.util.Set.of("c-1", "c-2", "m-1", "comm-1", "v-1");

    private static final List<NodeLabel> KINDS = List.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate,
            NodeLabel.Network, NodeLabel.Communication, NodeLabel.CountryVisit, NodeLabel.Training);

    private final class Fuzzer {
        private final Random random;
        private final Map<NodeLabel, List<String>> ids = new java.util.EnumMap<>(NodeLabel.class);
        private final List<String> introductions = new ArrayList<>(List.of("i-1"));
        private int counter;

        Fuzzer(Random random) {
            this.random = random;
            ids.put(NodeLabel.Contact, new ArrayList<>(List.of("c-1", "c-2", "c-3", "c-4", "c-5")));
            ids.put(NodeLabel.Organisation, new ArrayList<>(List.of("o-1", "o-2")));
            ids.put(NodeLabel.Mandate, new ArrayList<>(List.of("m-1", "m-2")));
            ids.put(NodeLabel.Network, new ArrayList<>(List.of("n-1")));
            ids.put(NodeLabel.Communication, new ArrayList<>(List.of("comm-1")));
            ids.put(NodeLabel.CountryVisit, new ArrayList<>(List.of("v-1")));
            ids.put(NodeLabel.Training, new ArrayList<>(List.of("t-1")));
        }

        void next(int i) throws Exception {
            int dice = random.nextInt(100);
            if (dice < 30) {
                postNode();
            } else if (dice < 44) {
                putNode();
            } else if (dice < 48) {
                deleteNode();
            } else if (dice < 62) {
                postTie();
            } else if (dice < 65) {
                deleteTie();
            } else if (dice < 71) {
                postIntroduction();
            } else if (dice < 75) {
                putIntroduction();
            } else if (dice < 79) {
                putFollowUp();
            } else if (dice < 88) {
                importJson();
            } else if (dice < 96) {
                importCsv();
            } else {
                hostileBody();
            }
        }

        // -- endpoints

        private void postNode() throws Exception {
            NodeLabel label = pick(KINDS);
            String id = random.nextInt(10) == 0 ? null : "f" + (++counter);
            String body = mutated(fields(label, id));
            Response r = send(pickAuth(), "POST", path(label), body);
            if (r.status == 201) {
                String created = json.readTree(r.body).path("id").asText();
                ids.get(label).add(created);
            }
        }

        private void putNode() throws Exception {
            NodeLabel label = pick(KINDS);
            String id = random.nextInt(8) == 0 ? hostileId() : pickId(ids.get(label));
            String bodyId = random.nextInt(6) == 0 ? "other-" + counter : id;
            send(pickAuth(), "PUT", path(label) + "/" + segment(id), mutated(fields(label, bodyId)));
        }

        private void deleteNode() throws Exception {
            NodeLabel label = pick(KINDS);
            List<String> pool = ids.get(label);
            String id = random.nextInt(4) == 0 ? hostileId() : pickId(pool);
            if (KEEP.contains(id)) {
                id = id + "-does-not-exist";
            }
            Response r = send(pickAuth(), "DELETE", path(label) + "/" + segment(id), null);
            if (r.status == 200) {
                pool.remove(id);
            }
        }

        private void postTie() throws Exception {
            send(pickAuth(), "POST", "/api/ties", mutated(tieFields()));
        }

        private void deleteTie() throws Exception {
            String type = random.nextInt(4) == 0 ? hostileString() : pick(List.of(TieType.values())).name();
            String from = random.nextInt(4) == 0 ? hostileString() : anyId();
            String to = random.nextInt(4) == 0 ? hostileString() : anyId();
            StringBuilder query = new StringBuilder("/api/ties?");
            if (random.nextInt(10) != 0) {
                query.append("type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8)).append('&');
            }
            query.append("from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
            if (random.nextInt(10) != 0) {
                query.append("&to=").append(URLEncoder.encode(to, StandardCharsets.UTF_8));
            }
            send(pickAuth(), "DELETE", query.toString(), null);
        }

        private void postIntroduction() throws Exception {
            Response r = send(pickAuth(), "POST", "/api/introductions", mutated(introductionFields("fi" + (++counter))));
            if (r.status == 201) {
                introductions.add(json.readTree(r.body).path("id").asText());
            }
        }

        private void putIntroduction() throws Exception {
            String id = random.nextInt(8) == 0 ? hostileId() : pickId(introductions);
            send(pickAuth(), "PUT", "/api/introductions/" + segment(id), mutated(introductionFields(id)));
        }

        private void putFollowUp() throws Exception {
            NodeLabel activity = pick(List.of(NodeLabel.Communication, NodeLabel.CountryVisit, NodeLabel.Training));
            String activityId = random.nextInt(6) == 0 ? hostileId() : pickId(ids.get(activity));
            String participant = random.nextInt(6) == 0 ? hostileId() : anyId();
            Map<String, String> body = new LinkedHashMap<>();
            body.put("followUp", enumValue(FollowUp.values()));
            send(pickAuth(), "PUT", "/api/activities/" + segment(activityId) + "/participants/" + segment(participant),
                    mutated(body));
        }

        private void importJson() throws Exception {
            StringBuilder document = new StringBuilder("{");
            List<String> sections = new ArrayList<>(List.of("contacts", "organisations", "mandates", "networks",
                    "communications", "countryVisits", "trainings", "ties", "introductions"));
            java.util.Collections.shuffle(sections, random);
            int count = 1 + random.nextInt(4);
            for (int s = 0; s < count; s++) {
                if (s > 0) {
                    document.append(',');
                }
                String section = sections.get(s);
                document.append(js(section)).append(":[");
                int rows = random.nextInt(5);
                for (int row = 0; row < rows; row++) {
                    if (row > 0) {
                        document.append(',');
                    }
                    document.append(random.nextInt(12) == 0 ? wrongType() : mutated(sectionFields(section)));
                }
                document.append(']');
            }
            if (random.nextInt(15) == 0) {
                document.append(",\"unknownSection\":[]");
            }
            document.append('}');
            String path = random.nextInt(5) == 0 ? "/api/import?dryRun=true" : "/api/import";
            String auth = random.nextInt(15) == 0 ? officerAuth : adminAuth();
            Response r = call("POST", path, "application/json", document.toString(), auth);
            check("POST " + path + " " + document, r);
            checkReport(document.toString(), r);
        }

        private void importCsv() throws Exception {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            StringBuilder described = new StringBuilder();
            int files = 1 + random.nextInt(2);
            for (int f = 0; f < files; f++) {
                String section = pick(List.of("contacts", "organisations", "mandates", "networks", "communications",
                        "countryVisits", "trainings", "ties", "introductions"));
                String name = random.nextInt(15) == 0 ? hostileString().replace("\"", "") + ".csv"
                        : section.equals("countryVisits") ? "country-visits.csv" : section + ".csv";
                String csv = csv(section);
                described.append("[").append(name).append("]\n").append(csv);
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            Response r = call("POST", "/api/import", "multipart/form-data; boundary=" + boundary, body.toByteArray(), adminAuth());
            check("POST /api/import (CSV) " + described, r);
            checkReport(described.toString(), r);
        }

        /** Bodies that are not a record at all. */
        private void hostileBody() throws Exception {
            String body = pick(List.of("", "null", "[]", "{", "{}{}", "{} x", "\"x\"", "123", "{\"id\":\"a\",\"id\":\"b\"}",
                    "[".repeat(5000) + "]".repeat(5000), "{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                    "{\"trust\": 1e999999}", "\uFEFF{}", "{\"name\":\"\\ud800\"}", "{'name':'x'}", "{\"a\":NaN}",
                    "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"));
            String target = pick(List.of("/api/contacts", "/api/organisations", "/api/mandates", "/api/networks",
                    "/api/communications", "/api/country-visits", "/api/trainings", "/api/ties", "/api/introductions",
                    "/api/import", "/api/contacts/c-2", "/api/introductions/i-1", "/api/activities/v-1/participants/c-3",
                    "/api/analysis/resilience", "/api/admin/restore"));
            String method = target.matches(".*/(c-2|i-1|c-3)$") ? "PUT" : "POST";
            send(adminAuth(), method, target, body);
        }

        private void checkReport(String request, Response r) throws IOException {
            if (r.status != 200) {
                return;
            }
            JsonNode report = json.readTree(r.body);
            for (JsonNode rejected : report.path("rejected")) {
                if (rejected.path("reason").asText().isBlank()) {
                    failures.add("import rejection without reason: " + abbreviate(rejected.toString())
                            + "\n      request: " + abbreviate(request));
                }
            }
        }

        // -- records

        private Map<String, String> fields(NodeLabel label, String id) {
            return switch (label) {
                case Contact -> record(id,
                        new Field("name", Type.REQUIRED_TEXT, this::name),
                        new Field("kind", Type.ENUM, () -> enumValue(ContactKind.values())),
                        new Field("country", Type.COUNTRY, this::country),
                        new Field("region", Type.ENUM, () -> enumValue(Region.values())),
                        new Field("themes", Type.THEMES, this::themes),
                        new Field("riskLevel", Type.ENUM, () -> enumValue(RiskLevel.values())),
                        new Field("consentToIntroduce", Type.BOOL, this::bool),
                        new Field("confidential", Type.BOOL, this::bool),
                        new Field("channels", Type.TEXT_LIST, () -> "[" + js(text()) + "]"),
                        new Field("notes", Type.FREE_TEXT, () -> js(freeText())),
                        new Field("createdAt", Type.TIMESTAMP, () -> "\"2024-03-01T10:00:00Z\""),
                        new Field("updatedAt", Type.TIMESTAMP, () -> "\"2025-03-01T10:00:00Z\""));
                case Organisation -> record(id,
                        new Field("name", Type.REQUIRED_TEXT, this::name),
                        new Field("type", Type.ENUM, () -> enumValue(OrganisationType.values())),
                        new Field("country", Type.COUNTRY, this::country),
                        new Field("scope", Type.ENUM, () -> enumValue(Scope.values())),
                        new Field("ecosocStatus", Type.ENUM, () -> enumValue(EcosocStatus.values())),
                        new Field("themes", Type.THEMES, this::themes));
                case Mandate -> record(id,
                        new Field("title", Type.REQUIRED_TEXT, this::name),
                        new Field("kind", Type.ENUM, () -> "\"THEMATIC\""),
                        new Field("holderType", Type.ENUM, () -> enumValue(HolderType.values())),
                        new Field("country", Type.COUNTRY, this::country),
                        new Field("themes", Type.THEMES, this::themes));
                case Network -> record(id,
                        new Field("name", Type.REQUIRED_TEXT, this::name),
                        new Field("scope", Type.ENUM, () -> enumValue(Scope.values())),
                        new Field("themes", Type.THEMES, this::themes));
                case Communication -> record(id,
                        new Field("type", Type.ENUM, () -> enumValue(CommunicationType.values())),
                        new Field("date", Type.DATE, this::date),
                        new Field("country", Type.COUNTRY, this::country),
                        new Field("mandates", Type.REF_LIST, () -> "[" + js(pickId(ids.get(NodeLabel.Mandate))) + "]"),
                        new Field("summary", Type.FREE_TEXT, () -> js(freeText())));
                case CountryVisit -> record(id,
                        new Field("mandate", Type.REF, () -> js(pickId(ids.get(NodeLabel.Mandate)))),
                        new Field("country", Type.COUNTRY, this::country),
                        new Field("startDate", Type.DATE, () -> "\"2024-01-01\""),
                        new Field("endDate", Type.DATE, () -> "\"2024-01-05\""));
                case Training -> record(id,
                        new Field("title", Type.REQUIRED_TEXT, this::name),
                        new Field("date", Type.DATE, this::date),
                        new Field("place", Type.TEXT, () -> js(text())),
                        new Field("organiser", Type.TEXT, () -> js(text())));
                case Introduction -> throw new IllegalArgumentException("introductions have their own fields");
            };
        }

        private Map<String, String> sectionFields(String section) {
            return switch (section) {
                case "ties" -> tieFields();
                case "introductions" -> introductionFields("fi" + (++counter));
                default -> fields(NodeLabel.valueOf(switch (section) {
                    case "contacts" -> "Contact";
                    case "organisations" -> "Organisation";
                    case "mandates" -> "Mandate";
                    case "networks" -> "Network";
                    case "communications" -> "Communication";
                    case "countryVisits" -> "CountryVisit";
                    default -> "Training";
                }), random.nextInt(3) == 0 ? anyId() : "f" + (++counter));
            };
        }

        private Map<String, String> tieFields() {
            TieType type = pick(List.of(TieType.values()));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("type", js(type.name()));
            fields.put("from", js(idOf(pick(List.copyOf(type.fromLabels())))));
            fields.put("to", js(idOf(pick(List.copyOf(type.toLabels())))));
            candidates.clear();
            if (type == TieType.KNOWS) {
                fields.put("trust", String.valueOf(1 + random.nextInt(5)));
            }
            if (random.nextBoolean()) {
                fields.put("since", "\"2019-06-01\"");
            }
            if (random.nextBoolean()) {
                fields.put("lastContact", date());
            }
            if (type == TieType.AFFILIATED_WITH) {
                fields.put("role", js(text()));
            }
            if (type == TieType.PARTNERS_WITH) {
                fields.put("activities", "[" + js(text()) + "]");
            }
            if (type == TieType.MET_DURING || type == TieType.SOURCE_OF) {
                fields.put("followUp", enumValue(FollowUp.allowedFor(type).toArray(FollowUp[]::new)));
            }
            candidates.addAll(List.of(
                    new Field("type", Type.ENUM, () -> js(type.name())),
                    new Field("from", Type.REF, () -> js(anyId())),
                    new Field("to", Type.REF, () -> js(anyId())),
                    new Field("trust", Type.TRUST, () -> "3"),
                    new Field("since", Type.DATE, this::date),
                    new Field("lastContact", Type.DATE, this::date),
                    new Field("role", Type.TEXT, () -> js(text())),
                    new Field("activities", Type.TEXT_LIST, () -> "[]"),
                    new Field("followUp", Type.ENUM, () -> enumValue(FollowUp.values()))));
            return fields;
        }

        private Map<String, String> introductionFields(String id) {
            List<String> contacts = new ArrayList<>(ids.get(NodeLabel.Contact));
            java.util.Collections.shuffle(contacts, random);
            Map<String, String> fields = new LinkedHashMap<>();
            if (id != null) {
                fields.put("id", js(id));
            }
            fields.put("introducer", js(contacts.get(0)));
            fields.put("introduced", js(contacts.get(1 % contacts.size())));
            fields.put("recipient", js(contacts.get(2 % contacts.size())));
            fields.put("status", enumValue(IntroductionStatus.values()));
            fields.put("date", date());
            fields.put("note", js(freeText()));
            candidates.clear();
            candidates.addAll(List.of(
                    new Field("id", Type.ID, () -> js("x" + counter)),
                    new Field("introducer", Type.REF, () -> js(anyId())),
                    new Field("introduced", Type.REF, () -> js(anyId())),
                    new Field("recipient", Type.REF, () -> js(anyId())),
                    new Field("status", Type.ENUM, () -> enumValue(IntroductionStatus.values())),
                    new Field("date", Type.DATE, this::date),
                    new Field("note", Type.FREE_TEXT, () -> js(freeText()))));
            return fields;
        }

        /** The fields the last record was built from, which mutations draw on. */
        private final List<Field> candidates = new ArrayList<>();

        private Map<String, String> record(String id, Field... fields) {
            candidates.clear();
            candidates.add(new Field("id", Type.ID, () -> js("x" + counter)));
            candidates.addAll(List.of(fields));
            Map<String, String> out = new LinkedHashMap<>();
            if (id != null) {
                out.put("id", js(id));
            }
            for (Field field : fields) {
                if (field.name.equals("region") || field.name.endsWith("At")) {
                    if (random.nextInt(4) != 0) {
                        continue;
                    }
                }
                if (field.type == Type.REQUIRED_TEXT || field.name.equals("type") && !out.containsKey("from")
                        || field.name.equals("country") || field.name.equals("mandate") || field.name.equals("kind")
                        || field.name.equals("holderType") || random.nextBoolean()) {
                    out.put(field.name, field.valid.get());
                }
            }
            return out;
        }

        /** The record with 0–3 hostile changes, as a JSON object. */
        private String mutated(Map<String, String> fields) {
            int changes = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(3);
            List<Field> pool = candidates.isEmpty()
                    ? fields.keySet().stream().map(name -> new Field(name, Type.ENUM, () -> fields.get(name))).toList()
                    : List.copyOf(candidates);
            for (int c = 0; c < changes; c++) {
                Field field = pick(pool);
                int how = random.nextInt(10);
                if (how == 0) {
                    fields.remove(field.name);
                } else if (how == 1) {
                    fields.put(field.name, "null");
                } else if (how == 2) {
                    fields.put(field.name, wrongType());
                } else if (how == 3) {
                    fields.put(pick(List.of("unknown", "mandateId", "Name", "name ", "\u202Ename", "__proto__")), js(text()));
                } else {
                    fields.put(field.name, hostile(field.type));
                }
            }
            candidates.clear();
            StringBuilder out = new StringBuilder("{");
            fields.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(js(name)).append(':').append(value));
            return out.append('}').toString();
        }

        private String hostile(Type type) {
            return switch (type) {
                case ID -> js(hostileId());
                case TEXT, REQUIRED_TEXT, FREE_TEXT -> js(random.nextInt(3) == 0 ? hostileString() : text());
                case COUNTRY -> js(pick(List.of("ZZ", "jo", "J", "JOR", "\uFF2A\uFF2F", "", " ", "XK", "EU", "UK", "JO\u200B",
                        "J\u0301O", hostileString())));
                case ENUM -> pick(List.of("\"UNKNOWN\"", "\"knows\"", "\"\"", "\" KNOWS\"", "\"NONE\\u0000\"", "0", "\"HIGH \"",
                        "\"\u0130NDIVIDUAL\"", js(hostileString())));
                case BOOL -> pick(List.of("\"true\"", "1", "0", "\"yes\"", "\"\"", "[true]", "{}"));
                case DATE -> hostileDate();
                case TIMESTAMP -> pick(List.of("\"1899-12-31T23:59:59Z\"", "\"1900-01-01T00:00:00Z\"", "\"2200-12-31T23:59:59.999999999Z\"",
                        "\"2201-01-01T00:00:00Z\"", "\"-1000000000-01-01T00:00:00Z\"", "\"+1000000000-12-31T23:59:59Z\"",
                        "\"-9999-01-01T00:00:00Z\"", "1e300", "-1", "0", "1700000000", "1.5", "\"2024-01-01\"",
                        "\"2024-02-30T00:00:00Z\"", "\"2024-01-01T25:00:00Z\"", "\"now\"", "9223372036854775807",
                        "-9223372036854775808", "\"+999999999-12-31T23:59:59Z\""));
                case THEMES -> hostileThemes();
                case TEXT_LIST -> pick(List.of("[]", "[" + js(hostileString()) + "]", "[null]", "[1,2]", "[[\"a\"]]", "\"a\"",
                        list(51, () -> js(text())), list(10_000, () -> "\"x\""), "[\"\u00A0\"]"));
                case REF -> js(random.nextBoolean() ? hostileId() : anyId());
                case REF_LIST -> pick(List.of("[]", "[null]", "[\"\"]", "[\"m-1\",\"m-1\"]", "[\"c-1\"]", "[\"nope\"]", "\"m-1\"",
                        "[" + js(hostileString()) + "]", list(10_000, () -> "\"m-1\""), "[\"m-1\",\"m-2\"]", "[1]", "{}"));
                case TRUST -> pick(List.of("0", "1", "5", "6", "3.5", "-1", "1e308", "9223372036854775808", "2147483648",
                        "-2147483649", "\"3\"", "\"three\"", "true", "3.0", "1e0", "-0", "[3]", "0.0000001", "99999999999999999999999"));
            };
        }

        private String hostileDate() {
            return pick(List.of("\"1899-12-31\"", "\"1900-01-01\"", "\"2200-12-31\"", "\"2201-01-01\"", "\"-9999-01-01\"",
                    "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"+1000000000-01-01\"", "\"2024-02-29\"", "\"2023-02-29\"",
                    "\"2100-02-29\"", "\"2000-02-29\"", "\"2024-13-01\"", "\"2024-00-10\"", "\"2024-1-1\"", "\"01/02/2024\"",
                    "\"\"", "\" \"", "\"2024-01-01T00:00:00Z\"", "20240101", "\"\uFF12\uFF10\uFF12\uFF14-01-01\"",
                    "\"\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661\"", "\"0000-01-01\"", "\"9999-12-31\"", "[2024,1,1]",
                    "{\"year\":2024}", "\"2024-01-01\\u0000\"", "\"2024-W01\"", "1e10", "-1", "\"\u2212" + "2024-01-01\""));
        }

        private String hostileThemes() {
            return pick(List.of("[]", "[\"LAND\"]", list(50, i -> js("T" + i)), list(51, i -> js("T" + i)),
                    list(10_000, i -> js("T" + i)), list(10_000, i -> "\"LAND\""), "[\"LAND\",\"LAND\"]", "[\"land\"]",
                    "[\"\"]", "[null]", "[1]", "\"LAND\"", "[\"L\u0130ND\"]", "[\"LAND\\u202E\"]", "[" + js("A".repeat(81)) + "]",
                    "[" + js(hostileString()) + "]", "{\"LAND\":true}"));
        }

        private String wrongType() {
            return pick(List.of("123", "-1.5", "true", "false", "[]", "{}", "[{}]", "{\"a\":[1]}", "\"\"", "null",
                    "[" + js(text()) + "]"));
        }

        // -- values

        private String name() {
            return js(random.nextInt(3) == 0 ? "Name " + counter : text());
        }

        private String country() {
            return js(pick(List.of("JO", "EG", "NG", "FR", "BR", "KE", "SA", "MA", "IN", "US")));
        }

        private String bool() {
            return random.nextBoolean() ? "true" : "false";
        }

        private String date() {
            return random.nextInt(3) == 0 ? hostileDate()
                    : js(pick(List.of("1900-01-01", "2200-12-31", "2024-02-29", "2000-02-29", "2023-06-15")));
        }

        private String themes() {
            return random.nextInt(4) == 0 ? hostileThemes() : "[\"LAND\",\"MINORITIES\"]";
        }

        private String enumValue(Enum<?>[] values) {
            return js(values[random.nextInt(values.length)].name());
        }

        private String list(int size, Supplier<String> item) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                out.append(i > 0 ? "," : "").append(item.get());
            }
            return out.append(']').toString();
        }

        private String list(int size, java.util.function.IntFunction<String> item) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                out.append(i > 0 ? "," : "").append(item.apply(i));
            }
            return out.append(']').toString();
        }

        /** A text mixing ordinary letters with characters from any Unicode general category. */
        private String text() {
            if (random.nextInt(3) == 0) {
                return hostileString();
            }
            StringBuilder out = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                out.append(random.nextBoolean() ? "Ab" : "").appendCodePoint(codePointOfCategory(random.nextInt(31)));
            }
            return out.toString();
        }

        private String freeText() {
            return random.nextInt(4) == 0 ? "line one\nline two\r\n\ttabbed" : text();
        }

        /** A random code point of a general category (a lone surrogate for SURROGATE). */
        private int codePointOfCategory(int category) {
            for (int tries = 0; tries < 2000; tries++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x10000);
                if (Character.getType(cp) == category) {
                    return cp;
                }
            }
            return 'x';
        }

        private String hostileString() {
            return pick(List.of(
                    "\u0000", "a\u0007b", "\u001b[31mred", "\u007f", "x\u0085y", "\u009b",
                    "\u202Egnp.exe", "\u200B", "\u200D", "\uFEFFname", "\u2066isolate\u2069", "\u00AD",
                    "\uE000", "\uDB80\uDC00", "\uF8FF",
                    "\u0378", "\uFFFE", "\uFFFF", "\uFDD0", "\uDB7F\uDFFF",
                    "\uD800", "\uDC00x", "x\uD800\uD800", "\uDFFF\uD800",
                    "\u0301", "e\u0301\u0301\u0301\u0301", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359",
                    "\uD83D\uDC69\uD83C\uDFFD\u200D\u2696\uFE0F", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "\uD83D\uDE00".repeat(5000),
                    "\u00A0", "\u00A0\u2007\u202F", "\u3000", "\u2028", "\u2029", " ", "", "\t", "\n", "\r\n",
                    "a".repeat(10_000), "\u00E9".repeat(10_000), "a".repeat(301),
                    "<img src=x onerror=alert(1)>", "]]><!--", "&amp;&#0;&#xD800;", "<?xml version=\"1.0\"?>", "\"'><script>",
                    "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "' OR 1=1 //", "\"}) MATCH (n) DETACH DELETE n //", "`x`",
                    "${jndi:ldap://x/a}", "%s%n", "../../etc/passwd", "a;b;c", "a,b", "\"quoted\"", "\\", "enc:1:AAAA",
                    "anon-0123456789ab", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "\u4E2D\u6587", "\u0130stanbul", "\u1E9E"));
        }

        private String hostileId() {
            return pick(List.of("x".repeat(129), "a".repeat(128), "-leading", ".", "..", "a b", "a/b", "a%2Fb", "\u00E9",
                    "c-1\u200B", "\uD800", "a\u0000", "NUL", "<x>", "c-1;DROP", "\u202Ec-1", hostileString()));
        }

        private String idOf(NodeLabel label) {
            return random.nextInt(12) == 0 ? anyId() : pickId(ids.get(label));
        }

        private String anyId() {
            List<String> all = new ArrayList<>();
            ids.values().forEach(all::addAll);
            return random.nextInt(10) == 0 ? "missing-" + random.nextInt(100) : pickId(all);
        }

        private String pickAuth() {
            return random.nextInt(4) == 0 ? officerAuth : adminAuth();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** An id of the pool, or one that exists nowhere when the pool has been emptied by deletes. */
        private String pickId(List<String> pool) {
            return pool.isEmpty() ? "missing-" + random.nextInt(100) : pick(pool);
        }

        private String segment(String id) {
            return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private String path(NodeLabel label) {
            return switch (label) {
                case Contact -> "/api/contacts";
                case Organisation -> "/api/organisations";
                case Mandate -> "/api/mandates";
                case Network -> "/api/networks";
                case Communication -> "/api/communications";
                case CountryVisit -> "/api/country-visits";
                case Training -> "/api/trainings";
                case Introduction -> "/api/introductions";
            };
        }

        /** A CSV file of the section: a header of its fields (sometimes odd), rows of valid or hostile cells. */
        private String csv(String section) {
            if (random.nextInt(12) == 0) {
                return pick(List.of("", "\n", "id,id\nx,y\n", "\"unterminated\n", "id,name\n\"a\"b,c\n", "\uFEFFid,name,country\nq1,Q,JO\n",
                        "id;name;country\nq2;Q;JO\n", "a,b\n1,2,3,4\n"));
            }
            Map<String, String> sample = sectionFields(section);
            List<String> header = new ArrayList<>(sample.keySet());
            if (random.nextInt(8) == 0) {
                header.add(pick(List.of("unknown", "Name", "mandate", "region", "\u202Ename")));
            }
            StringBuilder out = new StringBuilder(String.join(",", header.stream().map(this::cell).toList())).append('\n');
            int rows = 1 + random.nextInt(4);
            for (int row = 0; row < rows; row++) {
                Map<String, String> values = sectionFields(section);
                List<String> cells = new ArrayList<>();
                for (String column : header) {
                    String value = values.get(column);
                    String plain = value == null ? "" : csvValue(value);
                    if (random.nextInt(4) == 0) {
                        plain = pick(List.of(hostileString(), "", "1900-01-01", "2201-01-01", "-9999-01-01", "3.5", "6", "yes",
                                "TRUE", "UNKNOWN", "LAND;LAND", ";;;", String.join(";", java.util.Collections.nCopies(51, "T")),
                                "\u00A0", "c-1;c-2"));
                    }
                    cells.add(cell(plain));
                }
                out.append(String.join(",", cells)).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            return out.toString();
        }

        /** A JSON fragment as the text a CSV cell would hold. */
        private String csvValue(String jsonFragment) {
            try {
                JsonNode node = json.readTree(jsonFragment);
                if (node.isArray()) {
                    List<String> items = new ArrayList<>();
                    node.forEach(n -> items.add(n.asText()));
                    return String.join(";", items);
                }
                return node.isNull() ? "" : node.asText();
            } catch (IOException e) {
                return jsonFragment;
            }
        }

        private String cell(String value) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        private Response send(String auth, String method, String path, String body) throws Exception {
            Response r = call(method, path, body == null ? null : "application/json", body, auth);
            check(method + " " + path + " " + (body == null ? "" : body), r);
            return r;
        }
    }

    /**
     * A JSON string literal. Lone surrogates and control characters become escapes (a lone surrogate
     * cannot be sent as UTF-8); other non-ASCII characters are sent as UTF-8 or escaped, alternately.
     */
    private static String js(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = (i & 1) == 1;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                char low = text.charAt(++i);
                out.append(escape ? String.format("\\u%04x\\u%04x", (int) c, (int) low) : "" + c + low);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c > 0x7e && escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private record Response(int status, String contentType, byte[] bytes, String body) {
    }

    private Response call(String method, String path, String contentType, String body, String auth) throws Exception {
        return call(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), auth);
    }

    private Response call(String method, String path, String contentType, byte[] body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), bytes,
                new String(bytes, StandardCharsets.UTF_8));
    }

    private static String adminAuth() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\n", "\\n");
        return flat.length() <= 600 ? flat : flat.substring(0, 600) + "… (" + flat.length() + " chars)";
    }
}
