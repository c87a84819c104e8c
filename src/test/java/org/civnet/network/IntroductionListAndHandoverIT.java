package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.neo4j.Neo4jSchema;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The list of introductions (filters, mine, names, redaction), the officer responsible for contacts,
 * introductions and activities (defaults, PATCH, import and export), and the handover by
 * responsibility with its reassignment. c-7 (Zyxwa Qorvath) is confidential.
 */
class IntroductionListAndHandoverIT extends IntegrationTest {

    private static final String HEIR = "heir-officer";

    @Autowired
    private Neo4jSchema schema;

    @BeforeEach
    void accounts() {
        as(Role.OFFICER);
        send(http, HttpMethod.POST, "/api/users", "{\"username\":\"" + HEIR + "\",\"password\":\"heir-password-12345\","
                + "\"role\":\"OFFICER\"}"); // 409 once it exists: the context is shared
        send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":null}");
    }

    private void importNetwork() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH"},
                  {"id":"amira","name":"Amira Haddad","country":"JO"},
                  {"id":"laila","name":"Laila Nassar","country":"LB"},
                  {"id":"noor","name":"Noor Saleh","country":"TN"},
                  {"id":"c-7","name":"Zyxwa Qorvath","country":"LY","confidential":true}],
                 "introductions":[
                  {"id":"i-1","introducer":"amira","introduced":"laila","recipient":"hro-1","date":"2024-03-01"},
                  {"id":"i-2","introducer":"laila","introduced":"noor","recipient":"amira","status":"MADE","date":"2024-02-01"},
                  {"id":"i-3","introducer":"amira","introduced":"c-7","recipient":"noor","status":"DECLINED",
                   "date":"2024-04-01","note":"ask Zyxwa Qorvath first"},
                  {"id":"i-4","introducer":"noor","introduced":"amira","recipient":"laila"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        assertThat(send(as(Role.OFFICER), HttpMethod.POST, "/api/introductions", "{\"id\":\"i-5\",\"introducer\":\"laila\","
                + "\"introduced\":\"amira\",\"recipient\":\"noor\",\"date\":\"2024-01-01\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static List<String> ids(TestRestTemplate client, String query) {
        ResponseEntity<JsonNode> response = client.getForEntity("/api/introductions" + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(query + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void theListFiltersPagesAndNamesThePeopleNewestFirst() {
        importNetwork();
        // Newest first: the undated i-4 counts by the day it was recorded (today), the rest by date.
        assertThat(ids(http, "")).containsExactly("i-4", "i-3", "i-1", "i-2", "i-5");
        assertThat(ids(http, "?person=amira")).containsExactly("i-4", "i-3", "i-1", "i-2", "i-5");
        assertThat(ids(http, "?person=hro-1")).containsExactly("i-1");
        assertThat(ids(http, "?recipient=noor")).containsExactly("i-3", "i-5");
        assertThat(ids(http, "?introducer=amira")).containsExactly("i-3", "i-1");
        assertThat(ids(http, "?introduced=amira")).containsExactly("i-4", "i-5");
        assertThat(ids(http, "?status=REQUESTED")).containsExactly("i-4", "i-1", "i-5");
        assertThat(ids(http, "?status=MADE&person=noor")).containsExactly("i-2");
        assertThat(ids(http, "?recordedBy=test-officer")).containsExactly("i-5");
        assertThat(ids(http, "?recordedBy=admin&introducer=laila")).containsExactly("i-2");
        assertThat(ids(http, "?person=nobody")).isEmpty();

        JsonNode page = http.getForObject("/api/introductions?size=2&page=1", JsonNode.class);
        assertThat(page.get("items")).extracting(i -> i.get("id").asText()).containsExactly("i-1", "i-2");
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("size").asInt()).isEqualTo(2);

        // Each item is the introduction as GET /api/introductions/{id} gives it, plus who recorded it and the names.
        JsonNode first = http.getForObject("/api/introductions?recipient=hro-1", JsonNode.class).get("items").get(0);
        JsonNode single = http.getForObject("/api/introductions/i-1", JsonNode.class);
        single.fields().forEachRemaining(f -> assertThat(first.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
        assertThat(first.get("responsibleOfficer").asText()).isEqualTo("admin");
        assertThat(first.get("recordedBy").asText()).isEqualTo("admin");
        assertThat(first.get("introducerContact").toString()).isEqualTo("{\"id\":\"amira\",\"name\":\"Amira Haddad\"}");
        assertThat(first.get("introducedContact").get("name").asText()).isEqualTo("Laila Nassar");
        assertThat(first.get("recipientContact").get("name").asText()).isEqualTo("Hana Officer");

        assertThat(badRequestFields(http.getForEntity("/api/introductions?size=501", JsonNode.class))).contains("size");
        assertThat(badRequestFields(http.getForEntity("/api/introductions?status=OPEN", JsonNode.class))).contains("status");
        assertThat(badRequestFields(http.getForEntity("/api/introductions?person=a%20b", JsonNode.class))).contains("person");
    }

    @Test
    void mineIsWhatReachesTheOfficersOwnContactOrWhatSheRecordedOrLooksAfter() {
        importNetwork();
        TestRestTemplate officer = as(Role.OFFICER);
        assertThat(ids(officer, "?mine=true")).containsExactly("i-5");
        assertThat(send(officer, HttpMethod.PUT, "/api/me/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(ids(officer, "?mine=true")).containsExactly("i-1", "i-5");
        assertThat(ids(officer, "?mine=true&status=REQUESTED&recordedBy=admin")).containsExactly("i-1");
        // The administrator recorded every other one; mine=false (the default) is everything.
        assertThat(ids(http, "?mine=true")).containsExactly("i-4", "i-3", "i-1", "i-2");
        assertThat(ids(officer, "?mine=false")).hasSize(5);
        // Handed over to her, an introduction becomes hers too.
        send(http, HttpMethod.PUT, "/api/introductions/i-4",
                "{\"introducer\":\"noor\",\"introduced\":\"amira\",\"recipient\":\"laila\",\"responsibleOfficer\":\"test-officer\"}");
        assertThat(ids(officer, "?mine=true")).containsExactly("i-4", "i-1", "i-5");
    }

    @Test
    void anAnalystSeesPseudonymsInTheListAndAProtectedIdSelectsNothing() {
        importNetwork();
        TestRestTemplate analyst = as(Role.ANALYST);
        ResponseEntity<String> raw = analyst.getForEntity("/api/introductions", String.class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(raw.getBody().toLowerCase()).doesNotContain("zyxwa").doesNotContain("qorvath").doesNotContain("c-7");
        JsonNode declined = analyst.getForObject("/api/introductions?status=DECLINED", JsonNode.class).get("items").get(0);
        String pseudonym = declined.get("introduced").asText();
        assertThat(pseudonym).startsWith("anon-");
        assertThat(declined.get("introducedContact").get("id").asText()).isEqualTo(pseudonym);
        assertThat(declined.get("introducedContact").get("name").asText()).isEqualTo(pseudonym);
        assertThat(declined.get("introducedContact").get("pseudonymised").asBoolean()).isTrue();
        assertThat(declined.get("introducerContact").get("name").asText()).isEqualTo("Amira Haddad");
        assertThat(declined.has("note")).isFalse();
        // The same item as the single introduction gives it to an analyst.
        JsonNode single = analyst.getForObject("/api/introductions/i-3", JsonNode.class);
        single.fields().forEachRemaining(f -> assertThat(declined.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
        // Naming the protected person's real id selects what an unknown id selects: nothing.
        assertThat(ids(analyst, "?person=c-7")).isEmpty();
        assertThat(ids(analyst, "?introduced=c-7")).isEmpty();
        assertThat(ids(as(Role.OFFICER), "?person=c-7")).containsExactly("i-3");
        assertThat(as(Role.OFFICER).getForObject("/api/introductions?person=c-7", String.class)).contains("Zyxwa Qorvath");
        // Reading it with clearance is audited like any read of a protected person.
        assertThat(http.getForObject("/api/audit?action=READ_CONFIDENTIAL", JsonNode.class).toString())
                .contains("GET /api/introductions");
        assertThat(as(Role.REPORTS).getForEntity("/api/introductions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity("/api/introductions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aContactsResponsibleOfficerDefaultsToWhoWritesItAndPatchKeepsIt() {
        TestRestTemplate officer = as(Role.OFFICER);
        JsonNode created = send(officer, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-new\",\"name\":\"New\",\"country\":\"SN\"}")
                .getBody();
        assertThat(created.get("responsibleOfficer").asText()).isEqualTo("test-officer");
        send(officer, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-given\",\"name\":\"Given\",\"country\":\"SN\","
                + "\"responsibleOfficer\":\"someone-who-left\"}");
        assertThat(http.getForObject("/api/contacts/c-given", JsonNode.class).get("responsibleOfficer").asText())
                .isEqualTo("someone-who-left");

        HttpHeaders patch = new HttpHeaders();
        patch.setContentType(MediaType.valueOf("application/merge-patch+json"));
        JsonNode patched = http.exchange("/api/contacts/c-given", HttpMethod.PATCH,
                new HttpEntity<>("{\"name\":\"Given Renamed\"}", patch), JsonNode.class).getBody();
        assertThat(patched.get("name").asText()).isEqualTo("Given Renamed");
        assertThat(patched.get("responsibleOfficer").asText()).isEqualTo("someone-who-left");
        // PUT replaces: left out, the default applies (the user who writes), as for every field.
        JsonNode replaced = send(http, HttpMethod.PUT, "/api/contacts/c-given", "{\"name\":\"Given\",\"country\":\"SN\"}")
                .getBody();
        assertThat(replaced.get("responsibleOfficer").asText()).isEqualTo("admin");
        assertThat(badRequestFields(send(http, HttpMethod.PUT, "/api/contacts/c-given",
                "{\"name\":\"Given\",\"country\":\"SN\",\"responsibleOfficer\":\"Not A User!\"}"))).contains("responsibleOfficer");

        // Activities and introductions carry one too, with the same default.
        send(http, HttpMethod.POST, "/api/mandates", "{\"id\":\"m-1\",\"title\":\"SR\",\"kind\":\"THEMATIC\",\"holderType\":\"SPECIAL_RAPPORTEUR\"}");
        assertThat(send(officer, HttpMethod.POST, "/api/country-visits", "{\"id\":\"v-1\",\"mandate\":\"m-1\",\"country\":\"SN\"}")
                .getBody().get("responsibleOfficer").asText()).isEqualTo("test-officer");
        assertThat(send(officer, HttpMethod.POST, "/api/trainings", "{\"id\":\"t-1\",\"title\":\"T\",\"responsibleOfficer\":\"" + HEIR + "\"}")
                .getBody().get("responsibleOfficer").asText()).isEqualTo(HEIR);
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-3\",\"name\":\"Third\",\"country\":\"SN\"}");
        JsonNode introduction = send(officer, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i-9\",\"introducer\":\"c-new\",\"introduced\":\"c-given\",\"recipient\":\"c-3\"}").getBody();
        assertThat(introduction.get("responsibleOfficer").asText()).isEqualTo("test-officer");
        JsonNode made = http.exchange("/api/introductions/i-9", HttpMethod.PATCH, new HttpEntity<>("{\"status\":\"MADE\"}", patch),
                JsonNode.class).getBody();
        assertThat(made.get("status").asText()).isEqualTo("MADE");
        assertThat(made.get("responsibleOfficer").asText()).isEqualTo("test-officer");
    }

    @Test
    void importAndExportCarryTheResponsibleOfficer() {
        String document = """
                {"contacts":[{"id":"k1","name":"Karim","country":"MA","responsibleOfficer":"left-officer"},
                             {"id":"k2","name":"Lina","country":"LB","responsibleOfficer":"test-officer"},
                             {"id":"k3","name":"Omar","country":"EG"}],
                 "mandates":[{"id":"m-1","title":"SR","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "communications":[{"id":"comm-1","type":"URGENT_APPEAL","mandates":["m-1"],"responsibleOfficer":"left-officer"}],
                 "introductions":[{"id":"i-1","introducer":"k1","introduced":"k2","recipient":"k3","responsibleOfficer":"left-officer"}]}
                """;
        JsonNode report = send(http, HttpMethod.POST, "/api/import", document).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        JsonNode exported = http.getForObject("/api/export", JsonNode.class);
        assertThat(exported.get("contacts")).extracting(c -> c.get("id").asText() + ":" + c.get("responsibleOfficer").asText())
                .containsExactly("k1:left-officer", "k2:test-officer", "k3:admin");
        assertThat(exported.get("communications").get(0).get("responsibleOfficer").asText()).isEqualTo("left-officer");
        assertThat(exported.get("introductions").get(0).get("responsibleOfficer").asText()).isEqualTo("left-officer");

        // Imported again into an empty store: the same document comes back.
        clear();
        report = send(http, HttpMethod.POST, "/api/import", exported.toString()).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        JsonNode again = http.getForObject("/api/export", JsonNode.class);
        assertThat(again.get("contacts")).isEqualTo(exported.get("contacts"));
        assertThat(again.get("communications")).isEqualTo(exported.get("communications"));
        assertThat(again.get("introductions")).isEqualTo(exported.get("introductions"));
        // Re-importing the same document changes nothing.
        report = send(http, HttpMethod.POST, "/api/import", exported.toString()).getBody();
        assertThat(report.at("/sections/contacts/updated").asLong()).isZero();
        assertThat(report.at("/sections/introductions/updated").asLong()).isZero();

        // A CSV column like any other field; a value that is not a user name is refused, naming the field.
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("contacts", csv("contacts.csv", """
                id,name,country,responsibleOfficer
                k4,Rana,JO,left-officer
                k5,Sami,JO,Not A User
                """));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode csvReport = http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class)
                .getBody();
        assertThat(csvReport.get("rejected")).extracting(r -> r.get("row").asInt() + ":" + r.get("problems").get(0).get("field").asText())
                .containsExactly("3:responsibleOfficer");
        assertThat(http.getForObject("/api/contacts/k4", JsonNode.class).get("responsibleOfficer").asText()).isEqualTo("left-officer");
    }

    private static HttpEntity<ByteArrayResource> csv(String name, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        headers.setContentDispositionFormData("contacts", name);
        return new HttpEntity<>(new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    @Test
    void aStoreFromBeforeMakesWhoRecordedARecordResponsibleForIt() {
        send(as(Role.OFFICER), HttpMethod.POST, "/api/contacts", "{\"id\":\"old\",\"name\":\"Old\",\"country\":\"SN\"}");
        try (Session session = driver.session()) {
            session.run("MATCH (n:Contact {id: 'old'}) REMOVE n.responsibleOfficer").consume();
        }
        assertThat(http.getForObject("/api/contacts/old", JsonNode.class).has("responsibleOfficer")).isFalse();
        assertThat(schema.migrate()).isEqualTo(1);
        assertThat(http.getForObject("/api/contacts/old", JsonNode.class).get("responsibleOfficer").asText())
                .isEqualTo("test-officer");
        assertThat(schema.migrate()).isZero();
    }

    /** A leaver's records: two contacts, an open and a made introduction, a visit, a communication and a training. */
    private void leaversNetwork() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"c-a","name":"Amal A","country":"JO","responsibleOfficer":"leaver"},
                  {"id":"c-b","name":"Badr B","country":"EG","responsibleOfficer":"leaver"},
                  {"id":"c-c","name":"Chidi C","country":"NG"}],
                 "mandates":[{"id":"m-1","title":"SR","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "countryVisits":[{"id":"v-1","mandate":"m-1","country":"JO","startDate":"2025-05-01","responsibleOfficer":"leaver"}],
                 "communications":[{"id":"comm-1","type":"URGENT_APPEAL","date":"2025-06-01","mandates":["m-1"],
                                    "responsibleOfficer":"leaver"},
                                   {"id":"comm-2","type":"URGENT_APPEAL","date":"2025-07-01","mandates":["m-1"]}],
                 "trainings":[{"id":"t-1","title":"Training","responsibleOfficer":"leaver"}],
                 "ties":[{"type":"MET_DURING","from":"c-a","to":"v-1"},
                         {"type":"MET_DURING","from":"c-c","to":"v-1","followUp":"REPORT_SENT"},
                         {"type":"SOURCE_OF","from":"c-b","to":"comm-1"},
                         {"type":"SOURCE_OF","from":"c-c","to":"comm-2"}],
                 "introductions":[
                  {"id":"i-open","introducer":"c-a","introduced":"c-b","recipient":"c-c","date":"2025-08-01","responsibleOfficer":"leaver"},
                  {"id":"i-made","introducer":"c-b","introduced":"c-a","recipient":"c-c","status":"MADE","responsibleOfficer":"leaver"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    @Test
    void aHandoverListsWhatAnOfficerIsResponsibleForWithTheFollowUpsStillDue() {
        leaversNetwork();
        JsonNode handover = http.getForObject("/api/handover?officer=leaver", JsonNode.class);
        assertThat(handover.get("contacts")).extracting(c -> c.get("id").asText() + ":" + c.get("via") + ":"
                        + c.get("responsibleOfficer").asText())
                .containsExactlyInAnyOrder("c-a:[\"RESPONSIBLE\"]:leaver", "c-b:[\"RESPONSIBLE\"]:leaver");
        assertThat(handover.get("openIntroductions")).extracting(i -> i.get("id").asText() + ":" + i.get("responsibleOfficer").asText())
                .containsExactly("i-open:leaver");
        // Newest activity first; the participant already sent the report and comm-2 (not the leaver's) are not due.
        assertThat(handover.get("followUps")).extracting(f -> f.get("activity").get("id").asText() + ":"
                        + f.get("participant").get("id").asText() + ":" + f.get("followUp").asText())
                .containsExactly("comm-1:c-b:NOT_INFORMED", "v-1:c-a:NOT_SENT");
        assertThat(handover.get("followUps").get(0).get("participant").get("name").asText()).isEqualTo("Badr B");

        String csv = http.getForObject("/api/handover?officer=leaver&format=csv", String.class);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",recordedBy,responsibleOfficer,activity,activityKind,followUp,graphVersion,scope,pseudonymised");
        String provenance = "," + http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong()
                + ",officer=leaver,false";
        assertThat(lines).filteredOn(l -> l.startsWith("followUp,")).containsExactly(
                "followUp,m-1,c-b,Badr B,Contact,,,,,,,,,,,,,,,,,2025-06-01,,,leaver,comm-1,Communication,NOT_INFORMED" + provenance,
                "followUp,m-1,c-a,Amal A,Contact,,,,,,,,,,,,,,,,,2025-05-01,,,leaver,v-1,CountryVisit,NOT_SENT" + provenance);
        assertThat(lines).filteredOn(l -> l.startsWith("openIntroduction,")).singleElement().asString()
                .startsWith("openIntroduction,,i-open,").endsWith(",leaver,,," + provenance);
        // A mandate's handover has no follow-up section (the follow-up lists serve a mandate).
        assertThat(http.getForObject("/api/handover?mandate=m-1", JsonNode.class).get("followUps")).isEmpty();
    }

    @Test
    void anAdministratorReassignsALeaversContactsOpenIntroductionsAndActivities() {
        leaversNetwork();
        String body = "{\"from\":\"leaver\",\"to\":\"" + HEIR + "\"}";
        assertThat(send(as(Role.OFFICER), HttpMethod.POST, "/api/handover/reassign", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(as(Role.ANALYST), HttpMethod.POST, "/api/handover/reassign", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/handover/reassign",
                "{\"from\":\"leaver\",\"to\":\"nobody-here\"}"))).containsExactly("to");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/handover/reassign",
                "{\"from\":\"leaver\",\"to\":\"test-analyst\"}"))).containsExactly("to");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/handover/reassign",
                "{\"from\":\"" + HEIR + "\",\"to\":\"" + HEIR + "\"}"))).containsExactly("to");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/handover/reassign", "{\"to\":\"" + HEIR + "\"}")))
                .containsExactly("from");
        assertThat(http.getForObject("/api/contacts/c-a", JsonNode.class).get("responsibleOfficer").asText()).isEqualTo("leaver");

        long version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        ResponseEntity<JsonNode> moved = send(http, HttpMethod.POST, "/api/handover/reassign", body);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().toString()).isEqualTo("{\"from\":\"leaver\",\"to\":\"" + HEIR + "\","
                + "\"contacts\":2,\"introductions\":1,\"activities\":3}");
        assertThat(http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong()).isGreaterThan(version);

        for (String path : List.of("/api/contacts/c-a", "/api/contacts/c-b", "/api/introductions/i-open",
                "/api/country-visits/v-1", "/api/communications/comm-1", "/api/trainings/t-1")) {
            assertThat(http.getForObject(path, JsonNode.class).get("responsibleOfficer").asText()).as(path).isEqualTo(HEIR);
        }
        // A made introduction needs no follow-up: it stays with whoever was responsible for it.
        assertThat(http.getForObject("/api/introductions/i-made", JsonNode.class).get("responsibleOfficer").asText())
                .isEqualTo("leaver");
        assertThat(http.getForObject("/api/contacts/c-c", JsonNode.class).get("responsibleOfficer").asText()).isEqualTo("admin");

        JsonNode audit = http.getForObject("/api/audit?action=HANDOVER_REASSIGNED", JsonNode.class);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("user").asText()).isEqualTo("admin");
        assertThat(audit.get(0).get("target").asText()).isEqualTo("leaver -> " + HEIR);
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("2 contacts, 1 open introductions, 3 activities");
        assertThat(audit.toString()).doesNotContain("Amal").doesNotContain("c-a");

        JsonNode heirs = http.getForObject("/api/handover?officer=" + HEIR, JsonNode.class);
        assertThat(heirs.get("contacts")).extracting(c -> c.get("id").asText() + ":" + c.get("via"))
                .containsExactlyInAnyOrder("c-a:[\"RESPONSIBLE\"]", "c-b:[\"RESPONSIBLE\"]");
        assertThat(heirs.get("openIntroductions")).extracting(i -> i.get("id").asText()).containsExactly("i-open");
        assertThat(heirs.get("followUps")).extracting(f -> f.get("activity").get("id").asText()).containsExactly("comm-1", "v-1");
        JsonNode leavers = http.getForObject("/api/handover?officer=leaver", JsonNode.class);
        assertThat(leavers.get("contacts")).isEmpty();
        assertThat(leavers.get("openIntroductions")).isEmpty();
        assertThat(leavers.get("followUps")).isEmpty();

        // Nothing left to move: zero counts, and the graph version stays.
        version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        assertThat(send(http, HttpMethod.POST, "/api/handover/reassign", body).getBody().get("contacts").asLong()).isZero();
        assertThat(http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong()).isEqualTo(version);
    }

    @Test
    void aReassignmentMovesOnlyThePartsAskedFor() {
        leaversNetwork();
        JsonNode moved = send(http, HttpMethod.POST, "/api/handover/reassign", "{\"from\":\"leaver\",\"to\":\"test-officer\","
                + "\"contacts\":false,\"followUps\":false}").getBody();
        assertThat(moved.get("contacts").asLong()).isZero();
        assertThat(moved.get("introductions").asLong()).isEqualTo(1);
        assertThat(moved.get("activities").asLong()).isZero();
        assertThat(http.getForObject("/api/contacts/c-a", JsonNode.class).get("responsibleOfficer").asText()).isEqualTo("leaver");
        assertThat(http.getForObject("/api/country-visits/v-1", JsonNode.class).get("responsibleOfficer").asText()).isEqualTo("leaver");
        assertThat(http.getForObject("/api/introductions/i-open", JsonNode.class).get("responsibleOfficer").asText())
                .isEqualTo("test-officer");
        // An ADMIN may take over as well.
        assertThat(send(http, HttpMethod.POST, "/api/handover/reassign", "{\"from\":\"leaver\",\"to\":\"admin\"}").getBody()
                .get("contacts").asLong()).isEqualTo(2);
    }
}
