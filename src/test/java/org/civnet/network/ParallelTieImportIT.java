package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.domain.TieType;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/**
 * Ties written by several transactions at once (small batches, three writers, so every path of the
 * schedule runs): every tie stored once with its properties, the same input again changes nothing,
 * ties between stored contacts are upserted the same way, and a failing batch fails the import with
 * its own error, leaving whole batches that the same input completes.
 */
class ParallelTieImportIT extends ImporterHarness {

    private static final int BATCH = 100;
    private static final int CONTACTS = 300;
    private static final int KNOWS = 2_500;


    @Test
    void everyTieOnceWithItsPropertiesAndTheSameInputAgainChangesNothing() {
        NetworkImporter importer = importer(new NetworkStore(transactions, fieldKeys), BATCH, 3);
        NetworkDocument document = document(1, 3);

        ImportReport first = importer.importDocument(document, false);
        assertThat(first.rejected()).isEmpty();
        assertThat(first.sections().get("ties").created()).isEqualTo(document.ties().size());
        assertThat(storedTies()).isEqualTo(expected(document));

        ImportReport again = importer.importDocument(document, false);
        assertThat(again.sections().get("ties").created()).isZero();
        assertThat(again.sections().get("ties").updated()).isZero();
        assertThat(storedTies()).isEqualTo(expected(document));

        // Between stored contacts: the upsert path, in parallel too; every trust changed.
        NetworkDocument changed = document(1, 5);
        ImportReport upserted = importer.importDocument(changed, false);
        assertThat(upserted.sections().get("ties").created()).isZero();
        assertThat(upserted.sections().get("ties").updated()).isEqualTo(changed.ties().size());
        assertThat(storedTies()).isEqualTo(expected(changed));
    }

    @Test
    void aFailingBatchFailsTheImportWithItsErrorAndTheSameInputCompletesIt() {
        AtomicInteger batches = new AtomicInteger();
        NetworkStore failing = new NetworkStore(transactions, fieldKeys) {
            @Override
            public UpsertCounts insertTiesBetweenNew(TieType type, List<Tie> ties, Map<String, String> elementIds) {
                if (batches.incrementAndGet() == 5) {
                    throw new IllegalStateException("disk full");
                }
                return super.insertTiesBetweenNew(type, ties, elementIds);
            }
        };
        NetworkDocument document = document(2, 3);
        assertThatThrownBy(() -> importer(failing, BATCH, 3).importDocument(document, false))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(storedTies().size()).isLessThan(document.ties().size());

        ImportReport completed = importer(new NetworkStore(transactions, fieldKeys), BATCH, 3).importDocument(document, false);
        assertThat(completed.rejected()).isEmpty();
        assertThat(storedTies()).isEqualTo(expected(document));
    }


    private static NetworkDocument document(long seed, int trust) {
        ObjectMapper mapper = new ObjectMapper();
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(mapper.convertValue(Map.of("id", "p-" + i, "name", "Person " + i, "country", "KE"), Contact.class));
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> pairs = new HashSet<>();
        List<Tie> ties = new ArrayList<>();
        while (ties.size() < KNOWS) {
            int a = random.nextInt(CONTACTS);
            int b = random.nextInt(CONTACTS);
            if (a != b && pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                ties.add(new Tie(TieType.KNOWS, "p-" + a, "p-" + b, trust, LocalDate.of(2020, 1, 1 + ties.size() % 28),
                        null, null, null));
            }
        }
        return new NetworkDocument(contacts, null, null, null, null, null, null, ties, null);
    }

    private static Set<String> expected(NetworkDocument document) {
        Set<String> out = new HashSet<>();
        for (Tie tie : document.ties()) {
            Tie t = tie.canonical();
            out.add(t.from() + "|" + t.to() + "|" + t.trust() + "|" + t.since());
        }
        return out;
    }

    private Set<String> storedTies() {
        try (Session session = driver.session()) {
            Set<String> out = new HashSet<>();
            session.run("MATCH (a:Contact)-[r:KNOWS]->(b:Contact) RETURN a.id AS a, b.id AS b, r.trust AS trust, "
                    + "r.since AS since").forEachRemaining(r -> assertThat(out.add(r.get("a").asString() + "|"
                    + r.get("b").asString() + "|" + r.get("trust").asLong() + "|" + r.get("since").asString()))
                    .as("a KNOWS tie stored twice").isTrue());
            return out;
        }
    }
}
