package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * New nodes written by two transactions at once: every row lands whole, naming the importing user,
 * before any tie; a batch that fails stops the other writer before its next batch, with the failed
 * batch's own error and nothing of it written.
 */
class ParallelNodeImportIT extends ImporterHarness {

    private static final int BATCH = 100;
    private static final int CONTACTS = 1_000;


    @AfterEach
    void noUser() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void twoWritersWriteEveryNewNodeWholeNamingTheImporterBeforeAnyTie() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("importing-officer", null, List.of()));
        // The first two batches wait for each other: the import fails unless two writers run at once.
        CyclicBarrier together = new CyclicBarrier(2);
        Set<String> writerThreads = ConcurrentHashMap.newKeySet();
        List<Long> tiesWhenNodeBatchStarted = new CopyOnWriteArrayList<>();
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                writerThreads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
                tiesWhenNodeBatchStarted.add(count("MATCH ()-[t]->() RETURN count(t) AS n"));
                if (records.stream().map(kind.idOf()).anyMatch(id -> id.equals("c-0") || id.equals("c-" + BATCH))) {
                    try {
                        together.await(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the first two batches were not written at the same time", e);
                    }
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };

        ImportReport report = importer(store, BATCH, 2).importDocument(document(), false);

        assertThat(report.rejected()).isEmpty();
        assertThat(report.sections().get("contacts").created()).isEqualTo(CONTACTS);
        assertThat(report.sections().get("ties").created()).isEqualTo(CONTACTS - 1);
        assertThat(writerThreads).hasSize(2);
        assertThat(tiesWhenNodeBatchStarted).hasSize(CONTACTS / BATCH).containsOnly(0L);
        Map<String, Map<String, Object>> stored = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (c:Contact) RETURN c.id AS id, properties(c) AS props")
                    .forEachRemaining(r -> stored.put(r.get("id").asString(), r.get("props").asMap()));
        }
        assertThat(stored).hasSize(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            assertThat(stored.get("c-" + i)).as("c-" + i)
                    .containsEntry("name", "Person " + i)
                    .containsEntry("country", "KE")
                    .containsEntry("recordedBy", "importing-officer")
                    .containsKeys("createdAt", "updatedAt");
        }
        assertThat(count("MATCH ()-[t:KNOWS]->() RETURN count(t) AS n")).isEqualTo(CONTACTS - 1);
    }

    @Test
    void aFailedBatchStopsTheOtherWriterAndItsErrorIsTheImports() {
        // The second batch fails while the first is being written; the first then commits.
        CountDownLatch secondFailed = new CountDownLatch(1);
        List<String> batchesStarted = new CopyOnWriteArrayList<>();
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                String first = kind.idOf().apply(records.get(0));
                batchesStarted.add(first);
                if (first.equals("c-" + BATCH)) {
                    secondFailed.countDown();
                    throw new IllegalStateException("disk full");
                }
                if (first.equals("c-0")) {
                    try {
                        assertThat(secondFailed.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };

        assertThatThrownBy(() -> importer(store, BATCH, 2).importDocument(document(), false))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");

        // Without the stop the first writer would go on through the eight batches left. It may take
        // one more if it finishes its batch before the failing writer has recorded the failure (a
        // matter of microseconds against a transaction; two on a machine that stalls that thread).
        assertThat(batchesStarted).contains("c-0", "c-" + BATCH).hasSizeLessThanOrEqualTo(4);
        long written = count("MATCH (c:Contact) RETURN count(c) AS n");
        assertThat(written).isEqualTo((batchesStarted.size() - 1L) * BATCH);
        assertThat(count("MATCH (c:Contact) WHERE c.id IN $failed RETURN count(c) AS n",
                Map.of("failed", ids(BATCH, 2 * BATCH)))).as("rows of the failed batch").isZero();
        assertThat(count("MATCH (c:Contact) WHERE c.id IN $first RETURN count(c) AS n",
                Map.of("first", ids(0, BATCH)))).as("rows of the batch under way").isEqualTo(BATCH);
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();

        // The same input completes it.
        ImportReport completed = importer(new NetworkStore(transactions, fieldKeys), BATCH, 2).importDocument(document(), false);
        assertThat(completed.sections().get("contacts").created()).isEqualTo(CONTACTS - written);
        assertThat(count("MATCH (c:Contact) RETURN count(c) AS n")).isEqualTo(CONTACTS);
        assertThat(count("MATCH ()-[t:KNOWS]->() RETURN count(t) AS n")).isEqualTo(CONTACTS - 1);
    }


    /** Contacts c-0 … in a chain of KNOWS ties. */
    private static NetworkDocument document() {
        ObjectMapper mapper = new ObjectMapper();
        List<Contact> contacts = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(mapper.convertValue(Map.of("id", "c-" + i, "name", "Person " + i, "country", "KE"), Contact.class));
            if (i > 0) {
                ties.add(new Tie(org.civnet.domain.TieType.KNOWS, "c-" + (i - 1), "c-" + i, 2, null, null, null, null));
            }
        }
        return new NetworkDocument(contacts, null, null, null, null, null, null, ties, null);
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("c-" + i);
        }
        return ids;
    }

    private long count(String statement) {
        return count(statement, Map.of());
    }

    private long count(String statement, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.run(statement, params).single().get("n").asLong();
        }
    }
}
