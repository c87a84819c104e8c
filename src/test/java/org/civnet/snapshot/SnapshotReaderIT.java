package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.Contact;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkDocument;
import org.civnet.network.NetworkImporter;
import org.civnet.network.Tie;
import org.civnet.domain.TieType;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The snapshot read from Neo4j holds exactly what was written: every node's columns and every tie
 * with its trust and dates, its ends resolved to the right vertices (the reader names them by
 * element id, not by the id property), and introductions are no vertices.
 */
class SnapshotReaderIT extends IntegrationTest {

    @Autowired
    NetworkImporter importer;

    @Autowired
    SnapshotReader reader;

    @Test
    void readsBackEveryNodeAndTieOfAnImportedNetwork() {
        NetworkDocument document = DemoNetworkGenerator.generate(DemoNetworkGenerator.Options.defaults()
                .withContacts(400).withSeed(11)).document();
        ImportReport report = importer.importDocument(document, false);
        assertThat(report.rejected()).isEmpty();

        GraphData data = reader.read();

        int vertices = document.contacts().size() + document.organisations().size() + document.mandates().size()
                + document.networks().size() + document.communications().size() + document.countryVisits().size()
                + document.trainings().size();
        assertThat(data.nodeCount()).isEqualTo(vertices);
        assertThat(document.introductions()).isNotEmpty();
        Map<String, Integer> index = data.indexById();
        for (Contact c : document.contacts()) {
            int v = index.get(c.id());
            assertThat(data.names()[v]).isEqualTo(c.name());
            assertThat(data.countries()[v]).isEqualTo(c.country());
            assertThat(data.risks()[v]).isEqualTo(c.riskLevel() == null ? org.civnet.domain.RiskLevel.NONE : c.riskLevel());
            java.time.LocalDate today = java.time.LocalDate.now();
            assertThat(data.consent()[v].on(org.civnet.domain.ConsentPurpose.INTRODUCE, today.toEpochDay()))
                    .isEqualTo(c.consent() != null && c.consent().covers(org.civnet.domain.ConsentPurpose.INTRODUCE, today));
            assertThat(data.confidential()[v]).isEqualTo(Boolean.TRUE.equals(c.confidential()));
            assertThat(Arrays.asList(data.themes()[v])).containsExactlyInAnyOrderElementsOf(
                    c.themes() == null ? List.of() : c.themes());
        }

        // Every tie, as the store answers a plain one-row-per-relationship query (the documented
        // ties plus those the activity records and made introductions add).
        Map<String, Integer> expected = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (a:Node)-[r]->(b:Node) WHERE NOT a:Introduction AND NOT b:Introduction "
                            + "AND type(r) IN $types RETURN a.id AS a, b.id AS b, type(r) AS type, r.trust AS trust, "
                            + "r.since AS since, r.lastContact AS last",
                    Map.of("types", Arrays.stream(TieType.values()).map(Enum::name).toList()))
                    .forEachRemaining(r -> expected.merge(describe(TieType.valueOf(r.get("type").asString()),
                            r.get("a").asString(), r.get("b").asString(), r.get("trust").isNull() ? 0 : r.get("trust").asInt(),
                            day(r.get("since")), day(r.get("last"))), 1, Integer::sum));
        }
        assertThat(expected.values().stream().mapToInt(Integer::intValue).sum())
                .isGreaterThanOrEqualTo(document.ties().size());
        Map<String, Integer> read = new HashMap<>();
        for (int e = 0; e < data.tieCount(); e++) {
            read.merge(describe(data.tieTypes()[e], data.ids()[data.tieFrom()[e]], data.ids()[data.tieTo()[e]],
                    data.tieTrust()[e], data.tieSince()[e], data.tieLastContact()[e]), 1, Integer::sum);
        }
        assertThat(read).isEqualTo(expected);
        for (Tie t : document.ties()) {
            if (t.type() == TieType.AFFILIATED_WITH) {
                assertThat(read).containsKey(describe(t.type(), t.from(), t.to(), t.trust() == null ? 0 : t.trust(),
                        day(t.since()), day(t.lastContact())));
            }
        }
        assertThat(read.keySet()).anyMatch(k -> !k.endsWith("since " + GraphData.NO_DATE + " last " + GraphData.NO_DATE));
    }

    /** A tie with its direction as stored (both sides come from the store, so a swapped end shows). */
    private static String describe(TieType type, String from, String to, int trust, int since, int last) {
        return type + " " + from + " " + to + " trust " + trust + " since " + since + " last " + last;
    }

    private static int day(LocalDate date) {
        return date == null ? GraphData.NO_DATE : (int) date.toEpochDay();
    }

    private static int day(Value value) {
        return value.isNull() ? GraphData.NO_DATE : (int) LocalDate.parse(value.asString().substring(0, 10)).toEpochDay();
    }
}
