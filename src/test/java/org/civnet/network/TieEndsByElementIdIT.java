package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.domain.ConflictException;
import org.civnet.domain.TieType;
import org.civnet.neo4j.CypherQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ties between two nodes the same import created find their ends by the element ids the node
 * batches returned (tie/insert-between-new) instead of by the unique id index: Neo4j plans that as
 * an element-id seek; the graph written, the counts reported and the change records are the same as
 * through the index; and a batch whose end is no longer the node it named fails whole.
 */
class TieEndsByElementIdIT extends ImporterHarness {

    private static final int BATCH = 100;
    private static final int CONTACTS = 150;
    private static final int ORGANISATIONS = 10;
    private static final int KNOWS = 600;
    /** Contacts affiliated with an organisation stored before the import: ties with one new end. */
    private static final int AFFILIATED_WITH_STORED = 30;

    @Autowired
    private CypherQueries cypher;

    @AfterEach
    void noUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void neo4jSeeksTheEndsByElementIdWithoutTheIdIndex() {
        try (Session session = driver.session()) {
            Plan plan = session.run("EXPLAIN " + cypher.get("tie/insert-between-new", TieType.KNOWS),
                    Map.of("rows", List.of())).consume().plan();
            List<String> operators = new ArrayList<>();
            collectOperators(plan, operators);
            assertThat(operators).as("plan operators").noneMatch(o -> o.contains("IndexSeek") || o.contains("Scan"))
                    .filteredOn(o -> o.startsWith("NodeByElementIdSeek")).hasSize(2);
        }
    }

    @Test
    void theElementIdPathWritesWhatTheIndexPathWrites() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("importing-officer", null, List.of()));
        NetworkDocument document = document();
        Map<String, Long> rowsByPath = new TreeMap<>();

        // The import as it runs: ties between new nodes by element id, the others by the index.
        NetworkStore byElementId = new NetworkStore(transactions, fieldKeys) {
            @Override
            public UpsertCounts insertTiesBetweenNew(TieType type, List<Tie> ties, Map<String, String> elementIds) {
                rowsByPath.merge("element id", (long) ties.size(), Long::sum);
                return super.insertTiesBetweenNew(type, ties, elementIds);
            }

            @Override
            public UpsertCounts insertNewTies(TieType type, List<Tie> ties) {
                rowsByPath.merge("index", (long) ties.size(), Long::sum);
                return super.insertNewTies(type, ties);
            }
        };
        Written viaElementIds = importInto(byElementId, document);
        assertThat(rowsByPath).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "element id", (long) KNOWS + CONTACTS, "index", (long) AFFILIATED_WITH_STORED)));

        // The same import with every new tie through the id index, as before.
        clear();
        NetworkStore byIndex = new NetworkStore(transactions, fieldKeys) {
            @Override
            public UpsertCounts insertTiesBetweenNew(TieType type, List<Tie> ties, Map<String, String> elementIds) {
                return super.insertNewTies(type, ties);
            }
        };
        Written viaIndex = importInto(byIndex, document);

        assertThat(viaElementIds.ties()).hasSize(KNOWS + CONTACTS + AFFILIATED_WITH_STORED);
        assertThat(viaElementIds.nodes()).hasSize(CONTACTS + ORGANISATIONS + 1)
                .allSatisfy((id, node) -> assertThat(node).containsEntry("recordedBy", "importing-officer"));
        assertThat(viaElementIds).isEqualTo(viaIndex);
    }

    @Test
    void aTieBatchWhoseEndWasDeletedOrReplacedFailsWholeWithNothingWritten() {
        NetworkStore store = new NetworkStore(transactions, fieldKeys);
        Map<String, String> elementIds = new HashMap<>();
        store.insertNewNodes(NodeKind.CONTACT, List.of(contact("a"), contact("b"), contact("c"), contact("d")), elementIds);
        List<Tie> ties = List.of(knows("a", "c"), knows("a", "b"), knows("c", "d"));

        // b is deleted after the node batch, and another node created (which may take b's internal id).
        try (Session session = driver.session()) {
            session.run("MATCH (b:Contact {id: 'b'}) DETACH DELETE b").consume();
        }
        Map<String, String> others = new HashMap<>();
        store.insertNewNodes(NodeKind.CONTACT, List.of(contact("x")), others);
        long version = graphVersion();
        long records = count("MATCH (c:GraphChange) RETURN count(c) AS n");

        assertThatThrownBy(() -> store.insertTiesBetweenNew(TieType.KNOWS, ties, elementIds))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 of 3 KNOWS ties")
                .hasMessageContaining("nothing of this batch was written");
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();

        // d's element id reused by another node this import created: c is found, not d.
        Map<String, String> reused = new HashMap<>(elementIds);
        reused.put("d", elementIds.get("c"));
        assertThatThrownBy(() -> store.insertTiesBetweenNew(TieType.KNOWS, List.of(knows("a", "c"), knows("a", "d")), reused))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 of 2 KNOWS ties");
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();
        assertThat(graphVersion()).as("no version bumped by the failed batches").isEqualTo(version);
        assertThat(count("MATCH (c:GraphChange) RETURN count(c) AS n")).isEqualTo(records);

        // The same store call with ends that are what they were: written, and recorded once.
        assertThat(store.insertTiesBetweenNew(TieType.KNOWS, List.of(knows("a", "c"), knows("d", "c")), elementIds))
                .isEqualTo(new NetworkStore.UpsertCounts(2, 0));
        assertThat(count("MATCH (:Contact {id: 'a'})-[:KNOWS {trust: 3}]->(:Contact {id: 'c'}) RETURN count(*) AS n")).isOne();
        assertThat(count("MATCH (:Contact {id: 'c'})-[:KNOWS {trust: 3}]->(:Contact {id: 'd'}) RETURN count(*) AS n")).isOne();
        assertThat(graphVersion()).isEqualTo(version + 1);
    }

    /** What the store holds after an import, and what the import reported and recorded. */
    private record Written(Map<String, Map<String, Object>> nodes, Set<Map<String, Object>> ties,
                           Map<String, ImportReport.SectionCounts> report, List<String> changeRecords,
                           long versionsBumped) {
    }

    private Written importInto(NetworkStore store, NetworkDocument document) {
        NetworkImporter importer = importer(store, BATCH, 2);
        ImportReport stored = importer.importDocument(new NetworkDocument(null, List.of(organisation("o-stored")),
                null, null, null, null, null, null, null), false);
        assertThat(stored.sections().get("organisations").created()).isOne();
        long before = graphVersion();
        long recordsBefore = count("MATCH (c:GraphChange) RETURN count(c) AS n");

        ImportReport report = importer.importDocument(document, false);
        assertThat(report.rejected()).isEmpty();

        try (Session session = driver.session()) {
            Map<String, Map<String, Object>> nodes = new TreeMap<>();
            session.run("MATCH (n:Node) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")
                    .forEachRemaining(r -> {
                        Map<String, Object> props = new TreeMap<>(r.get("props").asMap());
                        // Set to the time of writing, which differs from one import to the other.
                        props.remove("createdAt");
                        props.remove("updatedAt");
                        props.put("labels", r.get("labels").asList(Value::asString).stream().sorted().toList());
                        nodes.put(r.get("id").asString(), props);
                    });
            Set<Map<String, Object>> ties = new HashSet<>();
            session.run("MATCH (a:Node)-[t]->(b:Node) RETURN type(t) AS type, a.id AS from, b.id AS to, "
                    + "properties(t) AS props").forEachRemaining(r -> assertThat(ties.add(Map.of(
                    "type", r.get("type").asString(), "from", r.get("from").asString(), "to", r.get("to").asString(),
                    "props", r.get("props").asMap()))).as("a tie stored twice").isTrue());
            // Batches commit in no fixed order: each record as its flag and sorted ids, the records sorted.
            List<String> records = new ArrayList<>(session.run(
                    "MATCH (c:GraphChange) WHERE c.version > $before RETURN c.everything AS everything, c.nodes AS nodes",
                    Map.of("before", before)).list(r -> r.get("everything").asBoolean() + " "
                    + r.get("nodes").asList(Value::asString).stream().sorted().toList()));
            records.sort(Comparator.naturalOrder());
            long bumped = graphVersion() - before;
            assertThat(count("MATCH (c:GraphChange) RETURN count(c) AS n") - recordsBefore)
                    .as("one change record per bump").isEqualTo(bumped);
            return new Written(nodes, ties, report.sections(), records, bumped);
        }
    }


    /** New contacts and organisations; KNOWS and AFFILIATED_WITH ties among them, and some to a stored organisation. */
    private static NetworkDocument document() {
        List<Contact> contacts = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(contact("p-" + i));
            ties.add(new Tie(TieType.AFFILIATED_WITH, "p-" + i, "o-" + (i % ORGANISATIONS), null,
                    LocalDate.of(2019, 1 + i % 12, 1), null, "role " + i, null));
            if (i < AFFILIATED_WITH_STORED) {
                ties.add(new Tie(TieType.AFFILIATED_WITH, "p-" + i, "o-stored", null, null, null, "member", null));
            }
        }
        List<Organisation> organisations = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            organisations.add(organisation("o-" + i));
        }
        SplittableRandom random = new SplittableRandom(7);
        Set<String> pairs = new HashSet<>();
        int knows = 0;
        while (knows < KNOWS) {
            int a = random.nextInt(CONTACTS);
            int b = random.nextInt(CONTACTS);
            if (a != b && pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                ties.add(new Tie(TieType.KNOWS, "p-" + a, "p-" + b, 1 + knows % 5,
                        LocalDate.of(2020, 1, 1 + knows % 28), knows % 3 == 0 ? LocalDate.of(2024, 6, 1) : null, null, null));
                knows++;
            }
        }
        return new NetworkDocument(contacts, organisations, null, null, null, null, null, ties, null);
    }

    private static Contact contact(String id) {
        return NodeKind.CONTACT.normalise(new ObjectMapper().convertValue(
                Map.of("id", id, "name", "Person " + id, "country", "KE"), Contact.class));
    }

    private static Organisation organisation(String id) {
        return new ObjectMapper().convertValue(Map.of("id", id, "name", "Organisation " + id, "country", "UG"),
                Organisation.class);
    }

    private static Tie knows(String from, String to) {
        return new Tie(TieType.KNOWS, from, to, 3, null, null, null, null);
    }

    private static void collectOperators(Plan plan, List<String> into) {
        into.add(plan.operatorType());
        plan.children().forEach(child -> collectOperators(child, into));
    }

    private long graphVersion() {
        return count("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS n");
    }

    private long count(String statement) {
        try (Session session = driver.session()) {
            return session.run(statement).single().get("n").asLong();
        }
    }
}
