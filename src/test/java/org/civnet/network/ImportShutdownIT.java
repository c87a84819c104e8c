package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.domain.ServiceUnavailableException;
import org.civnet.config.CivnetProperties;
import org.civnet.neo4j.Transactions;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.civnet.domain.ConflictException;

/**
 * Graceful shutdown and imports: once shutdown begins, an import finishes the batch transaction it
 * is in and stops; the store then holds whole batches and no tie, and the same input completes it.
 */
class ImportShutdownIT extends IntegrationTest {

    private static final int BATCH = 100;
    private static final int CONTACTS = 250;

    @Autowired
    private Transactions transactions;
    @Autowired
    private FieldKeys fieldKeys;
    @Autowired
    private DomainRules rules;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private NetworkImporter importer;

    @Test
    void anImportRunningWhenShutdownBeginsStopsAfterItsCurrentBatchAndCanBeCompletedLater() {
        CivnetProperties smallBatches = new Binder(new MapConfigurationPropertySource(
                Map.of("civnet.limits.import-batch-size", String.valueOf(BATCH)))).bindOrCreate("civnet", CivnetProperties.class);
        AtomicReference<NetworkImporter> stopping = new AtomicReference<>();
        AtomicInteger batches = new AtomicInteger();
        // The real store; shutdown "begins" while the first batch is being written (a fresh import
        // creates its new rows with insertNewNodes).
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                if (!records.isEmpty() && batches.incrementAndGet() == 1) {
                    stopping.get().stopAfterCurrentBatch();
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };
        NetworkImporter shuttingDown = new NetworkImporter(store, rules, json, smallBatches, new ConsentRules(smallBatches));
        stopping.set(shuttingDown);
        NetworkDocument document = document();

        assertThatThrownBy(() -> shuttingDown.importDocument(document, false))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("stopped after " + BATCH + " of " + CONTACTS + " contacts");
        assertThat(count("MATCH (c:Contact) RETURN count(c) AS n")).isEqualTo(BATCH);
        assertThat(count("MATCH ()-[t]->() RETURN count(t) AS n")).isZero();

        // The same input again: the stored 100 go through the upsert (unchanged), the other 150 are
        // created, and every tie touches a new contact or is upserted between stored ones.
        ImportReport completed = importer.importDocument(document, false);
        assertThat(completed.rejected()).isEmpty();
        assertThat(completed.sections().get("contacts").created()).isEqualTo(CONTACTS - BATCH);
        assertThat(completed.sections().get("contacts").updated()).isZero();
        assertThat(completed.sections().get("ties").created()).isEqualTo(CONTACTS - 1);
        assertThat(count("MATCH (c:Contact) RETURN count(c) AS n")).isEqualTo(CONTACTS);
        assertThat(count("MATCH ()-[t:KNOWS]->() RETURN count(t) AS n")).isEqualTo(CONTACTS - 1);
    }

    @Test
    void anIdCreatedByAnotherWriterDuringAnImportFailsItsBatchWholeWithAConflict() {
        CivnetProperties smallBatches = new Binder(new MapConfigurationPropertySource(
                Map.of("civnet.limits.import-batch-size", String.valueOf(BATCH)))).bindOrCreate("civnet", CivnetProperties.class);
        AtomicInteger batches = new AtomicInteger();
        // Between the importer's look-up (s-0 unused) and its first CREATE batch, someone else creates s-0.
        NetworkStore store = new NetworkStore(transactions, fieldKeys) {
            @Override
            public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
                if (!records.isEmpty() && batches.incrementAndGet() == 1) {
                    try (Session session = driver.session()) {
                        session.run("CREATE (:Node:Contact {id: 's-0', name: 'Created meanwhile', country: 'KE'})").consume();
                    }
                }
                return super.insertNewNodes(kind, records, elementIds);
            }
        };
        NetworkImporter racing = new NetworkImporter(store, rules, json, smallBatches, new ConsentRules(smallBatches));

        assertThatThrownBy(() -> racing.importDocument(document(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("another writer");
        // Nothing of the failed batch: only the node the other writer made.
        assertThat(count("MATCH (c:Contact) RETURN count(c) AS n")).isEqualTo(1);
        assertThat(count("MATCH (c:Contact {id: 's-0', name: 'Created meanwhile'}) RETURN count(c) AS n")).isEqualTo(1);
    }

    private static NetworkDocument document() {
        List<Contact> contacts = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(new ObjectMapper().convertValue(Map.of("id", "s-" + i, "name", "Person " + i, "country", "KE"),
                    Contact.class));
            if (i > 0) {
                ties.add(new ObjectMapper().convertValue(Map.of("type", "KNOWS", "from", "s-" + (i - 1), "to", "s-" + i,
                        "trust", 3), Tie.class));
            }
        }
        return new NetworkDocument(contacts, null, null, null, null, null, null, ties, null);
    }

    private long count(String statement) {
        try (Session session = driver.session()) {
            return session.run(statement).single().get("n").asLong();
        }
    }
}
