package org.civnet.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.security.Disclosure;
import org.civnet.security.Pseudonyms;
import org.civnet.security.Role;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The re-identification gate through the API on the demo network, with the default k = 5: for
 * ANALYST and REPORTS, every pseudonymised person in every kind of output (the graph view, the
 * exports in JSON, GraphML and GEXF, the analyses, the CSV report) is in a class of at least k
 * under the gate's model, recounted here from the output alone; withheld people appear nowhere;
 * the responses count them, never name them.
 */
@TestPropertySource(properties = "civnet.privacy.anonymity-k=5")
class ReidentificationIT extends IntegrationTest {

    private static final int K = 5;


    @Autowired
    private NetworkImporter importer;

    @Autowired
    private ReidentificationGuard guard;

    @Autowired
    private Pseudonyms pseudonyms;

    /** What one output shows of a node: its category and region as shown, and its released neighbours. */
    private record Shown(String category, String region, boolean pseudonymised, String degreeRange, Set<String> neighbours) {
    }

    @Test
    void everyPseudonymisedPersonInEveryOutputHidesAmongAtLeastK() throws Exception {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();
        TestRestTemplate analyst = as(Role.ANALYST);

        // The graph view (the map's data).
        ResponseEntity<JsonNode> graphResponse = analyst.getForEntity("/api/analysis/graph", JsonNode.class);
        assertThat(graphResponse.getHeaders().getFirst("Civnet-Anonymity-K")).isEqualTo(Integer.toString(K));
        JsonNode graph = graphResponse.getBody();
        Map<String, Shown> view = fromGraphView(graph);
        assertKAnonymous(view, "graph view");
        JsonNode withheld = graph.get("withheld");
        int adminNodes = http.getForObject("/api/analysis/graph", JsonNode.class).get("nodes").size();
        assertThat(withheld.get("people").asInt()).as("the demo network has people who would stand out").isPositive();
        assertThat(graph.get("nodes").size()).isEqualTo(adminNodes - withheld.get("people").asInt());
        assertThat(withheld.get("k").asInt()).isEqualTo(K);
        assertThat(withheld.get("reasons").size()).isPositive();
        assertThat(graphResponse.getHeaders().getFirst("Civnet-Withheld")).isEqualTo(withheld.get("people").asText());
        long pseudonymised = view.values().stream().filter(Shown::pseudonymised).count();
        assertThat(pseudonymised).as("the gate keeps some pseudonymised people").isPositive();
        System.out.printf("gate on the demo network (k=%d): %d pseudonymised people shown, %d of them coarsened, %d withheld %s%n",
                K, pseudonymised, withheld.get("coarsened").asInt(), withheld.get("people").asInt(), withheld.get("reasons"));
        // A coarsened person shows no region and says so.
        for (JsonNode node : graph.get("nodes")) {
            if (node.path("coarsened").asBoolean()) {
                assertThat(node.has("region")).isFalse();
                assertThat(node.get("degreeRange").asText()).isNotBlank();
            }
        }

        // The exports: JSON, GraphML and GEXF show the same people and ties.
        JsonNode document = analyst.getForObject("/api/export", JsonNode.class);
        Map<String, Shown> exported = fromDocument(document);
        assertKAnonymous(exported, "JSON export");
        Set<String> ids = exported.keySet();
        assertThat(ids).doesNotContainAnyElementsOf(withheldIdsComparedWithAdmin(document));
        for (String format : List.of("graphml", "gexf")) {
            String xml = analyst.getForObject("/api/export?format=" + format, String.class);
            assertThat(xmlNodeIds(xml)).as(format).isEqualTo(ids);
            assertThat(xmlTies(xml)).as(format).isEqualTo(ties(exported));
        }

        // Analyses: a full degree ranking, counted on what it states of each person.
        JsonNode degrees = analyst.getForObject("/api/analysis/centrality?metric=degree&top=100000", JsonNode.class);
        assertRankingKAnonymous(degrees.get("scores"), "degree ranking");
        Set<String> shownPseudonyms = pseudonymsOf(view);
        for (String path : List.of("/api/analysis/brokers", "/api/analysis/coalitions", "/api/analysis/isolation",
                "/api/analysis/centrality?metric=betweenness&top=100000")) {
            String body = analyst.getForObject(path, String.class);
            assertThat(pseudonymsIn(body)).as(path + " names only people the graph view shows").isSubsetOf(shownPseudonyms);
        }

        // REPORTS: the CSV report, counted on its rows.
        ResponseEntity<String> csv = as(Role.REPORTS).getForEntity(
                "/api/reports/centrality?format=csv&metric=degree&top=100000", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getFirst("Civnet-Withheld")).isEqualTo(withheld.get("people").asText());
        assertCsvKAnonymous(csv.getBody());
    }

    @Test
    void aWithheldPersonAskedForByPseudonymIsAnsweredWithoutThem() {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();
        TestRestTemplate analyst = as(Role.ANALYST);
        Set<String> shown = pseudonymsOf(fromGraphView(analyst.getForObject("/api/analysis/graph", JsonNode.class)));
        Set<String> listed = new HashSet<>();
        int withheldFromPages = 0;
        for (int page = 0; ; page++) {
            JsonNode contacts = analyst.getForObject("/api/contacts?size=500&page=" + page, JsonNode.class);
            if (contacts.path("items").isEmpty()) {
                break;
            }
            contacts.path("items").forEach(c -> {
                if (c.path("pseudonymised").asBoolean()) {
                    listed.add(c.get("id").asText());
                    assertThat(c.has("region")).isEqualTo(!c.path("coarsened").asBoolean());
                }
            });
            withheldFromPages += contacts.path("withheld").path("people").asInt();
        }
        assertThat(listed).as("the contacts list shows no one the map withholds").isNotEmpty().isSubsetOf(shown);
        assertThat(withheldFromPages).isPositive();

        // The person the gate withholds, asked for by the pseudonym an earlier answer could have shown.
        Disclosure disclosure = guard.forScope(AnalysisScope.all());
        // A withheld contact (a withheld organisation, the source of a communication, has no contact record).
        TestRestTemplate officer = as(Role.OFFICER);
        String withheldId = disclosure.withheld().keySet().stream().sorted()
                .filter(id -> officer.getForEntity("/api/contacts/" + id, JsonNode.class).getStatusCode() == HttpStatus.OK)
                .findFirst().orElseThrow();
        ResponseEntity<JsonNode> asked = analyst.getForEntity("/api/contacts/" + pseudonyms.of(withheldId), JsonNode.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asked.getBody().get("detail").asText()).contains("withheld");
        assertThat(asked.getBody().toString()).doesNotContain(withheldId).doesNotContain(pseudonyms.of(withheldId));
        ResponseEntity<JsonNode> ties = analyst.getForEntity("/api/ties?node=" + pseudonyms.of(withheldId), JsonNode.class);
        assertThat(ties.getBody().toString()).doesNotContain(pseudonyms.of(withheldId));
        // A cleared role is not gated.
        assertThat(officer.getForEntity("/api/contacts/" + withheldId, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // --- reading the outputs ---

    private static Map<String, Shown> fromGraphView(JsonNode graph) {
        Map<String, Shown> out = new HashMap<>();
        for (JsonNode n : graph.get("nodes")) {
            out.put(n.get("id").asText(), new Shown(category(n.get("label").asText(), n.path("kind").asText(null)),
                    shownRegion(n), n.path("pseudonymised").asBoolean(), n.path("degreeRange").asText(null), new HashSet<>()));
        }
        for (JsonNode e : graph.get("edges")) {
            tie(out, e.get("from").asText(), e.get("to").asText());
        }
        return out;
    }

    private static Map<String, Shown> fromDocument(JsonNode document) {
        Map<String, Shown> out = new HashMap<>();
        Map<String, String> labels = Map.of("contacts", "Contact", "organisations", "Organisation", "mandates", "Mandate",
                "networks", "Network", "communications", "Communication", "countryVisits", "CountryVisit", "trainings", "Training");
        labels.forEach((list, label) -> document.path(list).forEach(n -> out.put(n.get("id").asText(),
                new Shown(category(label, n.hasNonNull("kind") ? n.get("kind").asText() : n.path("type").asText(null)),
                        shownRegion(n), n.path("pseudonymised").asBoolean(), n.path("degreeRange").asText(null), new HashSet<>()))));
        for (JsonNode t : document.get("ties")) {
            tie(out, t.get("from").asText(), t.get("to").asText());
        }
        return out;
    }

    private static void tie(Map<String, Shown> nodes, String a, String b) {
        assertThat(nodes).as("a tie's ends are shown").containsKey(a).containsKey(b);
        if (!a.equals(b)) {
            nodes.get(a).neighbours().add(b);
            nodes.get(b).neighbours().add(a);
        }
    }

    private static String category(String label, String kind) {
        return kind == null || kind.isEmpty() ? label : label + ":" + kind;
    }

    private static String shownRegion(JsonNode n) {
        return n.path("coarsened").asBoolean() ? "withheld" : n.path("region").asText("none");
    }

    /**
     * Counts, over the output alone, each pseudonymised person's classes under the gate's model:
     * (category, shown region, degree) and (category, shown region, neighbours' categories and regions);
     * a coarsened person shows no region, no ties and a range of degree.
     */
    private static void assertKAnonymous(Map<String, Shown> nodes, String output) {
        Map<String, Integer> degreeClasses = new HashMap<>();
        Map<String, Integer> neighbourhoodClasses = new HashMap<>();
        Map<String, String[]> keys = new HashMap<>();
        nodes.forEach((id, n) -> {
            if (!n.pseudonymised()) {
                return;
            }
            List<String> around = new ArrayList<>();
            n.neighbours().forEach(u -> around.add(nodes.get(u).category() + "/" + nodes.get(u).region()));
            around.sort(null);
            if (n.degreeRange() != null) {
                assertThat(around).as(output + ": a coarsened person's ties are not shown").isEmpty();
            }
            String self = n.category() + "/" + n.region() + (n.degreeRange() == null ? "" : "/ties " + n.degreeRange());
            String[] key = {self + "|" + around.size(), self + "|" + around};
            keys.put(id, key);
            degreeClasses.merge(key[0], 1, Integer::sum);
            neighbourhoodClasses.merge(key[1], 1, Integer::sum);
        });
        assertThat(keys).as(output + " shows pseudonymised people").isNotEmpty();
        keys.forEach((id, key) -> {
            assertThat(degreeClasses.get(key[0])).as(output + ": degree class of " + id).isGreaterThanOrEqualTo(K);
            assertThat(neighbourhoodClasses.get(key[1])).as(output + ": neighbourhood class of " + id).isGreaterThanOrEqualTo(K);
        });
    }

    /** A ranking states (label, kind, region, score) of each person: the pseudonymised ones hide among k. */
    private static void assertRankingKAnonymous(JsonNode rows, String output) {
        Map<String, Integer> classes = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.path("pseudonymised").asBoolean()) {
                String key = category(row.get("label").asText(), row.path("kind").asText(null)) + "/" + shownRegion(row)
                        + "/" + row.path("score").asText("withheld") + "/" + row.path("degreeRange").asText("");
                keys.add(key);
                classes.merge(key, 1, Integer::sum);
            }
        }
        assertThat(keys).as(output).isNotEmpty();
        keys.forEach(key -> assertThat(classes.get(key)).as(output + ": class of " + key).isGreaterThanOrEqualTo(K));
    }

    private static void assertCsvKAnonymous(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        int id = header.indexOf("id");
        int label = header.indexOf("label");
        int kind = header.indexOf("kind");
        int region = header.indexOf("region");
        int score = header.indexOf("degree");
        Map<String, Integer> classes = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[id].startsWith("anon-")) {
                String key = category(cells[label], cells[kind]) + "/" + cells[region] + "/" + cells[score];
                keys.add(key);
                classes.merge(key, 1, Integer::sum);
            }
        }
        assertThat(keys).as("the CSV report shows pseudonymised people").isNotEmpty();
        keys.forEach(key -> assertThat(classes.get(key)).as("CSV: class of " + key).isGreaterThanOrEqualTo(K));
    }

    private static Set<String> pseudonymsOf(Map<String, Shown> nodes) {
        Set<String> out = new HashSet<>();
        nodes.forEach((id, n) -> {
            if (n.pseudonymised()) {
                out.add(id);
            }
        });
        return out;
    }

    private static Set<String> pseudonymsIn(String body) {
        Set<String> out = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("anon-[0-9a-f]{12}").matcher(body);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Ids the administrator's export has and the analyst's has not, as the analyst would see them: none may appear. */
    private Set<String> withheldIdsComparedWithAdmin(JsonNode analystDocument) {
        Set<String> adminIds = new HashSet<>();
        JsonNode full = http.getForObject("/api/export", JsonNode.class);
        full.path("contacts").forEach(c -> adminIds.add(c.get("id").asText()));
        Set<String> analystIds = new HashSet<>();
        analystDocument.path("contacts").forEach(c -> analystIds.add(c.get("id").asText()));
        assertThat(analystIds.size()).as("the analyst's export leaves people out").isLessThan(adminIds.size());
        adminIds.removeIf(analystIds::contains);
        return adminIds; // real ids of the protected (shown and withheld): the analyst's export names none
    }

    private static Set<Set<String>> ties(Map<String, Shown> nodes) {
        Set<Set<String>> out = new HashSet<>();
        nodes.forEach((id, n) -> n.neighbours().forEach(u -> out.add(Set.of(id, u))));
        return out;
    }

    private static Set<String> xmlNodeIds(String xml) throws Exception {
        Set<String> out = new HashSet<>();
        NodeList nodes = parse(xml).getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        return out;
    }

    private static Set<Set<String>> xmlTies(String xml) throws Exception {
        Set<Set<String>> out = new HashSet<>();
        NodeList edges = parse(xml).getElementsByTagName("edge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            if (!e.getAttribute("source").equals(e.getAttribute("target"))) {
                out.add(Set.of(e.getAttribute("source"), e.getAttribute("target")));
            }
        }
        return out;
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
