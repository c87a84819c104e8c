package org.civnet.network;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.civnet.api.JsonProblems;
import org.civnet.domain.PayloadTooLargeException;
import org.civnet.config.CivnetProperties;
import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.network.ImportReport.SectionCounts;
import org.civnet.network.ImportRow.Section;
import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.network.NetworkStore.UpsertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.civnet.domain.Ids;
import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;

/**
 * Imports a network document (JSON, streamed) or a set of CSV files: every row is checked as the
 * API would check it; rejected rows are reported by file and row number and write nothing; the
 * rest is upserted by id in batched transactions, nodes before ties, so importing the same
 * input twice changes nothing.
 *
 * <p>Three steps: the input is read row by row into an {@link ImportPlanner}, which checks each row
 * as it comes and drops the refused ones once counted (so memory does not grow with them); the
 * resulting {@link ImportPlan} is applied by an {@link ImportWriter}; the report lists the first
 * refused rows in full and counts the rest by reason.
 *
 * <p>Consistency on a crash: each batch is one transaction, and ties are only written after every
 * node batch, matching endpoints that exist; an interrupted import leaves whole batches and no
 * dangling ties, and running it again completes it (upsert by id).
 */
@Service
public class NetworkImporter {

    private static final Logger log = LoggerFactory.getLogger(NetworkImporter.class);

    private final NetworkStore store;
    private final ConsentRules consentRules;
    private final DomainRules rules;
    private final ObjectMapper json;
    /**
     * Reads one row of the streamed document: the rows follow one another in the stream, so
     * "trailing tokens" are expected here; the end of the whole document is checked instead.
     */
    private final ObjectReader rowReader;
    private final ImportWriter writer;
    private volatile boolean stopping;

    public NetworkImporter(NetworkStore store, DomainRules rules, ObjectMapper json, CivnetProperties properties,
                           ConsentRules consentRules) {
        this.store = store;
        this.consentRules = consentRules;
        this.rules = rules;
        this.json = json;
        this.rowReader = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = new ImportWriter(store, properties.limits().importBatchSize(),
                properties.limits().importWriters(), () -> stopping);
    }

    /**
     * Shutdown has begun (the event comes before the web server's graceful wait): an import running
     * now finishes the batch transaction it is in and stops with a 503, leaving whole batches, no
     * dangling ties, and an input that completes the import when sent again.
     */
    @EventListener(ContextClosedEvent.class)
    void stopAfterCurrentBatch() {
        stopping = true;
    }

    // ---- entry points --------------------------------------------------------------------

    /** Streams a JSON network document, so a large file is never held as one tree. */
    public ImportReport importJson(InputStream in, boolean dryRun) throws IOException {
        return importJson(in, dryRun, ImportScope.EVERYTHING);
    }

    /** {@link #importJson(InputStream, boolean)}, refused (403) as soon as it holds what {@code scope} does not allow. */
    public ImportReport importJson(InputStream in, boolean dryRun, ImportScope scope) throws IOException {
        long started = System.nanoTime();
        ImportPlanner planner = planner(dryRun);
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("(body)", "must be a JSON object with sections such as contacts, ties");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Section<?> section = Section.named(name);
                if (section == null) {
                    throw new InvalidInputException(name, "is not a section of a network document");
                }
                scope.requireSection(name, "this document");
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidInputException(name, "must be a list");
                }
                long number = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    number++;
                    JsonNode node = rowReader.readTree(parser);
                    readRow(planner, section, name, number, node, scope);
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidInputException("(body)", "must be one JSON document (found more after its end)");
            }
        } catch (JsonProcessingException e) {
            if (PayloadTooLargeException.causedBy(e)) {
                throw e.getCause() instanceof PayloadTooLargeException tooLarge ? tooLarge
                        : new PayloadTooLargeException(-1);
            }
            throw new InvalidInputException(List.of(new FieldProblem("(body)", "is not well-formed JSON: "
                    + e.getOriginalMessage())));
        }
        return apply(planner.plan(), dryRun, started);
    }

    /** Imports CSV files keyed by file name ({@code contacts.csv}, {@code ties.csv}, …). */
    public ImportReport importCsv(Map<String, InputStream> files, boolean dryRun) throws IOException {
        return importCsv(files, dryRun, ImportScope.EVERYTHING);
    }

    /** {@link #importCsv(Map, boolean)}, refused (403) when a file holds what {@code scope} does not allow. */
    public ImportReport importCsv(Map<String, InputStream> files, boolean dryRun, ImportScope scope) throws IOException {
        long started = System.nanoTime();
        ImportPlanner planner = planner(dryRun);
        Map<String, Section<?>> sections = new LinkedHashMap<>();
        for (String file : files.keySet()) {
            String name = CsvRows.sectionOf(file);
            Section<?> section = name == null ? null : Section.named(name);
            if (section == null) {
                throw new InvalidInputException(file, "is not a known import file (expected one of "
                        + CsvRows.FILE_NAMES + ")");
            }
            scope.requireSection(name, file); // every file before any is read
            sections.put(file, section);
        }
        for (Map.Entry<String, InputStream> file : files.entrySet()) {
            Section<?> section = sections.get(file.getKey());
            CsvRows.read(file.getValue(), (lineNumber, node) -> readRow(planner, section, file.getKey(), lineNumber, node,
                    scope), file.getKey());
        }
        return apply(planner.plan(), dryRun, started);
    }

    /**
     * Imports records already in memory (the demo network, a restore): the same checks and report
     * as a JSON document holding them, each row numbered by its position in its section.
     */
    public ImportReport importDocument(NetworkDocument document, boolean dryRun) {
        long started = System.nanoTime();
        ImportPlanner planner = planner(dryRun);
        document = document.withContacts(contact -> contact == null ? null : consentRules.resolve(contact));
        for (NodeKind<?> kind : NodeKind.ALL) {
            addAll(planner, kind, document);
        }
        new Section<>(ImportRow.TIES, Tie.class, ImportRow.TieRow::new).addAll(document.ties(), planner::add);
        new Section<>(ImportRow.INTRODUCTIONS, Introduction.class, ImportRow.IntroductionRow::new)
                .addAll(document.introductions(), planner::add);
        return apply(planner.plan(), dryRun, started);
    }

    private static <T> void addAll(ImportPlanner planner, NodeKind<T> kind, NetworkDocument document) {
        Section.of(kind).addAll(kind.inDocument().apply(document), planner::add);
    }

    private ImportPlanner planner(boolean dryRun) {
        return new ImportPlanner(rules::check, store::labelsOf, !dryRun);
    }

    private void readRow(ImportPlanner planner, Section<?> section, String file, long number, JsonNode node,
                         ImportScope scope) {
        try {
            ImportRow row = node == null || !node.isObject() ? null : section.read(json, file, number, node);
            if (row instanceof ImportRow.NodeRow<?> n && n.record() instanceof Contact contact) {
                row = new ImportRow.NodeRow<>(NodeKind.CONTACT, file, number, consentRules.resolve(contact));
            }
            if (row instanceof ImportRow.TieRow tie && tie.record() != null) {
                scope.requireTie(tie.record().type(), file, number);
            }
            if (row == null || row.record() == null) {
                planner.refuseUnreadable(section.name(), unreadable(file, number, node, "(row)", "must be an object"));
            } else {
                planner.add(row);
            }
        } catch (JsonProcessingException e) {
            FieldProblem problem = JsonProblems.describe(e);
            planner.refuseUnreadable(section.name(), unreadable(file, number, node, problem.field(), problem.reason()));
        } catch (IllegalArgumentException e) {
            planner.refuseUnreadable(section.name(), new RejectedRow(file, number, idOf(node), "cannot be read",
                    List.of(new FieldProblem("(row)", "cannot be read"))));
        }
    }

    private static RejectedRow unreadable(String file, long number, JsonNode node, String field, String reason) {
        return new RejectedRow(file, number, idOf(node), field + " " + reason, List.of(new FieldProblem(field, reason)));
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    // ---- writes and the report -------------------------------------------------------------

    private ImportReport apply(ImportPlan plan, boolean dryRun, long started) {
        Map<String, UpsertCounts> written = dryRun ? Map.of() : writer.write(plan);
        Map<String, SectionCounts> sections = new LinkedHashMap<>();
        for (String section : ImportRow.sectionsInOrder()) {
            long received = plan.received(section);
            if (received > 0) {
                long accepted = plan.accepted(section);
                UpsertCounts counts = written.getOrDefault(section, new UpsertCounts(0, 0));
                sections.put(section, new SectionCounts(received, accepted, counts.created(), counts.updated(),
                        received - accepted));
            }
        }
        Rejections rejections = plan.rejections();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!dryRun) {
            log.info("import finished in {} ms: {} rows rejected", millis, rejections.total());
        }
        return new ImportReport(dryRun, sections, rejections.listed(), rejections.total(), rejections.byReason(),
                store.graphVersion(), millis);
    }
}
