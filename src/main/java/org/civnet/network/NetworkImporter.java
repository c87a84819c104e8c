package org.civnet.network;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.civnet.api.JsonProblems;
import org.civnet.api.PayloadTooLargeException;
import org.civnet.api.ServiceUnavailableException;
import org.civnet.config.CivnetProperties;
import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.network.ImportReport.SectionCounts;
import org.civnet.network.InvalidInputException.FieldProblem;
import org.civnet.network.NetworkStore.UpsertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Imports a network document (JSON, streamed) or a set of CSV files: every row is checked as the
 * API would check it; rejected rows are reported by file and row number and write nothing; the
 * rest is upserted by id in batched transactions, nodes before ties, so importing the same
 * input twice changes nothing.
 *
 * <p>Consistency on a crash: each batch is one transaction, and ties are only written after every
 * node batch, matching endpoints that exist; an interrupted import leaves whole batches and no
 * dangling ties, and running it again completes it (upsert by id).
 */
@Service
public class NetworkImporter {

    private static final Logger log = LoggerFactory.getLogger(NetworkImporter.class);
    static final String TIES = "ties";
    static final String INTRODUCTIONS = "introductions";

    private final NetworkStore store;
    private final DomainRules rules;
    private final ObjectMapper json;
    /**
     * Reads one row of the streamed document: the rows follow one another in the stream, so
     * "trailing tokens" are expected here; the end of the whole document is checked instead.
     */
    private final ObjectReader rowReader;
    private final int batchSize;
    private volatile boolean stopping;

    public NetworkImporter(NetworkStore store, DomainRules rules, ObjectMapper json, CivnetProperties properties) {
        this.store = store;
        this.rules = rules;
        this.json = json;
        this.rowReader = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.batchSize = properties.limits().importBatchSize();
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

    /** One parsed row and where it came from. */
    record Row<T>(String file, long number, T record) {
    }

    /** Rows read from the input, section by section, before the checks. */
    static final class ParsedInput {
        final Map<String, List<Row<Object>>> sections = new LinkedHashMap<>();
        final Map<String, Long> received = new HashMap<>();
        final List<RejectedRow> rejected = new ArrayList<>();

        void add(String section, Row<Object> row) {
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(row);
        }

        void countReceived(String section) {
            received.merge(section, 1L, Long::sum);
        }
    }

    /** The record type of each section of the document. */
    static Class<?> typeOf(String section) {
        for (NodeKind<?> kind : NodeKind.ALL) {
            if (kind.section().equals(section)) {
                return kind.type();
            }
        }
        return switch (section) {
            case TIES -> Tie.class;
            case INTRODUCTIONS -> Introduction.class;
            default -> null;
        };
    }

    // ---- entry points --------------------------------------------------------------------

    /** Streams a JSON network document, so a large file is never held as one tree. */
    public ImportReport importJson(InputStream in, boolean dryRun) throws IOException {
        ParsedInput input = new ParsedInput();
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("(body)", "must be a JSON object with sections such as contacts, ties");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                Class<?> type = typeOf(section);
                if (type == null) {
                    throw new InvalidInputException(section, "is not a section of a network document");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidInputException(section, "must be a list");
                }
                long number = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    number++;
                    JsonNode node = rowReader.readTree(parser);
                    readRow(input, section, section, number, node, type);
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
        return checkAndWrite(input, dryRun);
    }

    /** Imports CSV files keyed by file name ({@code contacts.csv}, {@code ties.csv}, …). */
    public ImportReport importCsv(Map<String, InputStream> files, boolean dryRun) throws IOException {
        ParsedInput input = new ParsedInput();
        for (Map.Entry<String, InputStream> file : files.entrySet()) {
            String section = CsvRows.sectionOf(file.getKey());
            Class<?> type = section == null ? null : typeOf(section);
            if (type == null) {
                throw new InvalidInputException(file.getKey(), "is not a known import file (expected one of "
                        + CsvRows.FILE_NAMES + ")");
            }
            CsvRows.read(file.getValue(), (lineNumber, node) -> readRow(input, section, file.getKey(), lineNumber, node, type),
                    file.getKey());
        }
        return checkAndWrite(input, dryRun);
    }

    /** Imports records already in memory (the demo network, a restore). */
    public ImportReport importDocument(NetworkDocument document, boolean dryRun) {
        ParsedInput input = new ParsedInput();
        for (NodeKind<?> kind : NodeKind.ALL) {
            addAll(input, kind.section(), kind.inDocument().apply(document));
        }
        addAll(input, TIES, document.ties());
        addAll(input, INTRODUCTIONS, document.introductions());
        return checkAndWrite(input, dryRun);
    }

    private static void addAll(ParsedInput input, String section, List<?> records) {
        long number = 0;
        for (Object record : records) {
            input.countReceived(section);
            input.add(section, new Row<>(section, ++number, record));
        }
    }

    private void readRow(ParsedInput input, String section, String file, long number, JsonNode node, Class<?> type) {
        input.countReceived(section);
        if (node == null || !node.isObject()) {
            // A null row would be read as a null record (and fail later); any other non-object as "(body)".
            FieldProblem problem = new FieldProblem("(row)", "must be an object");
            input.rejected.add(new RejectedRow(file, number, null, "(row) must be an object", List.of(problem)));
            return;
        }
        try {
            input.add(section, new Row<>(file, number, json.treeToValue(node, type)));
        } catch (JsonProcessingException e) {
            FieldProblem problem = JsonProblems.describe(e);
            input.rejected.add(new RejectedRow(file, number, idOf(node), problem.field() + " " + problem.reason(),
                    List.of(problem)));
        } catch (IllegalArgumentException e) {
            FieldProblem problem = new FieldProblem("(row)", "cannot be read");
            input.rejected.add(new RejectedRow(file, number, idOf(node), "cannot be read", List.of(problem)));
        }
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    // ---- checks and writes -----------------------------------------------------------------

    private ImportReport checkAndWrite(ParsedInput input, boolean dryRun) {
        long started = System.nanoTime();
        Map<String, NodeLabel> accepted = new HashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        Map<String, List<Object>> acceptedNodes = new LinkedHashMap<>();
        List<RejectedRow> rejected = new ArrayList<>(input.rejected);

        // Nodes: field rules, ids unique within the document and not taken by another kind in the store.
        List<Row<Object>> allNodeRows = new ArrayList<>();
        for (NodeKind<?> kind : NodeKind.ALL) {
            allNodeRows.addAll(input.sections.getOrDefault(kind.section(), List.of()));
        }
        List<String> idsInInput = new ArrayList<>();
        for (Row<Object> row : allNodeRows) {
            String id = idOf(kindOf(row), row.record());
            if (id != null && !id.isBlank()) {
                idsInInput.add(id);
            }
            idsInInput.addAll(Activities.mandatesNamedBy(row.record()));
        }
        Map<String, NodeLabel> stored = lookUp(idsInInput);
        for (NodeKind<?> kind : NodeKind.ALL) {
            List<Object> keep = new ArrayList<>();
            List<Row<Object>> rows = input.sections.getOrDefault(kind.section(), List.of());
            List<List<FieldProblem>> fieldProblems = fieldProblems(rows);
            for (int r = 0; r < rows.size(); r++) {
                Row<Object> row = rows.get(r);
                Object record = normalise(kind, row.record());
                String id = idOf(kind, record);
                List<FieldProblem> problems = new ArrayList<>(fieldProblems.get(r));
                if (problems.isEmpty()) {
                    String where = row.file() + " row " + row.number();
                    String earlier = firstSeen.putIfAbsent(id, where);
                    if (earlier != null) {
                        problems.add(new FieldProblem("id", "'" + id + "' repeats " + earlier));
                    } else if (stored.containsKey(id) && stored.get(id) != kind.label()) {
                        problems.add(new FieldProblem("id", "'" + id + "' is already used by a " + stored.get(id)));
                    }
                }
                if (problems.isEmpty()) {
                    // An activity's mandates: accepted rows of this input (mandates come earlier in ALL) or stored.
                    FieldProblem mandates = DomainRules.checkActivityMandates(record,
                            ref -> accepted.containsKey(ref) ? accepted.get(ref) : stored.get(ref));
                    if (mandates != null) {
                        problems.add(mandates);
                    }
                }
                if (problems.isEmpty()) {
                    accepted.put(id, kind.label());
                    keep.add(record);
                } else {
                    rejected.add(reject(row, id, problems));
                }
            }
            acceptedNodes.put(kind.section(), keep);
        }

        // Ties and introductions: their ends must be accepted rows of this input or already stored.
        List<Row<Object>> tieRows = input.sections.getOrDefault(TIES, List.of());
        List<Row<Object>> introductionRows = input.sections.getOrDefault(INTRODUCTIONS, List.of());
        List<String> ends = new ArrayList<>();
        for (Row<Object> row : tieRows) {
            Tie tie = (Tie) row.record();
            ends.add(tie.from());
            ends.add(tie.to());
        }
        for (Row<Object> row : introductionRows) {
            Introduction i = (Introduction) row.record();
            ends.add(i.introducer());
            ends.add(i.introduced());
            ends.add(i.recipient());
        }
        Map<String, NodeLabel> known = new HashMap<>(lookUp(ends.stream()
                .filter(id -> id != null && !accepted.containsKey(id)).distinct().toList()));
        known.putAll(accepted);
        Function<String, NodeLabel> labelOf = id -> id == null ? null : known.get(id);

        Map<TieType, List<Tie>> tiesByType = new LinkedHashMap<>();
        Map<String, String> tieSeen = new HashMap<>();
        List<List<FieldProblem>> tieFieldProblems = fieldProblems(tieRows);
        for (int r = 0; r < tieRows.size(); r++) {
            Row<Object> row = tieRows.get(r);
            Tie tie = (Tie) row.record();
            List<FieldProblem> problems = new ArrayList<>(tieFieldProblems.get(r));
            if (problems.isEmpty()) {
                FieldProblem ends2 = DomainRules.checkTieEnds(tie, labelOf.apply(tie.from()), labelOf.apply(tie.to()));
                if (ends2 != null) {
                    problems.add(ends2);
                }
            }
            if (problems.isEmpty()) {
                Tie canonical = NetworkStore.canonical(tie);
                String key = canonical.type() + "|" + canonical.from() + "|" + canonical.to();
                String earlier = tieSeen.putIfAbsent(key, row.file() + " row " + row.number());
                if (earlier != null) {
                    problems.add(new FieldProblem("to", "the same " + tie.type() + " tie repeats " + earlier));
                }
            }
            if (problems.isEmpty()) {
                tiesByType.computeIfAbsent(tie.type(), t -> new ArrayList<>()).add(tie);
            } else {
                rejected.add(reject(row, tie.type() + " " + tie.from() + "->" + tie.to(), problems));
            }
        }

        List<Introduction> introductions = new ArrayList<>();
        for (Row<Object> row : introductionRows) {
            Introduction i = normaliseIntroduction((Introduction) row.record());
            List<FieldProblem> problems = new ArrayList<>(rules.check(i));
            if (problems.isEmpty()) {
                String earlier = firstSeen.putIfAbsent(i.id(), row.file() + " row " + row.number());
                if (earlier != null) {
                    problems.add(new FieldProblem("id", "'" + i.id() + "' repeats " + earlier));
                }
            }
            if (problems.isEmpty()) {
                FieldProblem endProblem = DomainRules.checkIntroductionEnds(i, labelOf);
                if (endProblem != null) {
                    problems.add(endProblem);
                }
            }
            if (problems.isEmpty()) {
                introductions.add(i);
            } else {
                rejected.add(reject(row, i.id(), problems));
            }
        }

        // Writes.
        Map<String, SectionCounts> sections = new LinkedHashMap<>();
        // Rows whose id was unused when looked up are created without the upsert's per-row lookup
        // (a fresh import is then mostly plain CREATEs), and so are ties touching such a node.
        for (NodeKind<?> kind : NodeKind.ALL) {
            List<Object> rows = acceptedNodes.get(kind.section());
            UpsertCounts counts = new UpsertCounts(0, 0);
            if (!dryRun) {
                Map<Boolean, List<Object>> isNew = rows.stream()
                        .collect(Collectors.partitioningBy(r -> !stored.containsKey(idOf(kind, r))));
                counts = writeNodes(kind, isNew.get(true), true).plus(writeNodes(kind, isNew.get(false), false));
            }
            section(sections, input, kind.section(), rows.size(), counts);
        }
        UpsertCounts tieCounts = new UpsertCounts(0, 0);
        long tieTotal = tiesByType.values().stream().mapToLong(List::size).sum();
        for (Map.Entry<TieType, List<Tie>> entry : tiesByType.entrySet()) {
            if (!dryRun) {
                TieType type = entry.getKey();
                Map<Boolean, List<Tie>> touchesNew = entry.getValue().stream().collect(Collectors.partitioningBy(
                        t -> isNewHere(t.from(), accepted, stored) || isNewHere(t.to(), accepted, stored)));
                tieCounts = tieCounts
                        .plus(writeInBatches(TIES + " (" + type + ", new ends)", touchesNew.get(true),
                                batch -> store.insertNewTies(type, batch)))
                        .plus(writeInBatches(TIES + " (" + type + ")", touchesNew.get(false),
                                batch -> store.upsertTies(type, batch)));
            }
        }
        section(sections, input, TIES, tieTotal, tieCounts);
        UpsertCounts introductionCounts = dryRun ? new UpsertCounts(0, 0)
                : writeInBatches(INTRODUCTIONS, introductions, store::upsertIntroductions);
        section(sections, input, INTRODUCTIONS, introductions.size(), introductionCounts);

        rejected.sort(java.util.Comparator.comparing(RejectedRow::file).thenComparingLong(RejectedRow::row));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!dryRun) {
            log.info("import finished in {} ms: {} rows rejected", millis, rejected.size());
        }
        return new ImportReport(dryRun, sections, rejected, store.graphVersion(), millis);
    }

    private static void section(Map<String, SectionCounts> sections, ParsedInput input, String name, long accepted,
                                UpsertCounts counts) {
        long received = input.received.getOrDefault(name, 0L);
        if (received > 0) {
            sections.put(name, new SectionCounts(received, accepted, counts.created(), counts.updated(), received - accepted));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> UpsertCounts writeNodes(NodeKind<T> kind, List<Object> rows, boolean allNew) {
        return writeInBatches(kind.section() + (allNew ? " (new)" : ""), (List<T>) rows,
                batch -> allNew ? store.insertNewNodes(kind, batch) : store.upsertNodes(kind, batch));
    }

    /**
     * The field rules of each row, in row order. Rows are independent, so they are checked on all
     * cores: bean validation of a million ties is several seconds on one.
     */
    private List<List<FieldProblem>> fieldProblems(List<Row<Object>> rows) {
        return rows.parallelStream().map(row -> rules.check(row.record())).toList();
    }

    /** True when {@code id} is a node this import creates (accepted here, absent from the store before). */
    private static boolean isNewHere(String id, Map<String, NodeLabel> accepted, Map<String, NodeLabel> stored) {
        return accepted.containsKey(id) && !stored.containsKey(id);
    }

    private <T> UpsertCounts writeInBatches(String what, List<T> rows, Function<List<T>, UpsertCounts> writer) {
        UpsertCounts total = new UpsertCounts(0, 0);
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batchSize) {
            if (stopping) {
                throw new ServiceUnavailableException("civnet is shutting down: the import stopped after " + from + " of "
                        + rows.size() + " " + what + "; every batch written is complete; send the same input again "
                        + "once civnet is back to finish it");
            }
            int to = Math.min(rows.size(), from + batchSize);
            total = total.plus(writer.apply(rows.subList(from, to)));
            if (rows.size() > batchSize) {
                log.info("import: {} {}/{}", what, to, rows.size());
            }
        }
        if (!rows.isEmpty()) {
            log.info("import: {} {} rows in {} ms", what, rows.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }

    private Map<String, NodeLabel> lookUp(List<String> ids) {
        Map<String, NodeLabel> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 10_000) {
            out.putAll(store.labelsOf(ids.subList(from, Math.min(ids.size(), from + 10_000))));
        }
        return out;
    }

    private static NodeKind<?> kindOf(Row<Object> row) {
        for (NodeKind<?> kind : NodeKind.ALL) {
            if (kind.type().isInstance(row.record())) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind for " + row.record().getClass());
    }

    @SuppressWarnings("unchecked")
    private static <T> T castFor(NodeKind<T> kind, Object record) {
        return (T) record;
    }

    private static <T> Object normalise(NodeKind<T> kind, Object record) {
        T typed = castFor(kind, record);
        // Records that fail the field rules are not normalised (normalising could hide a missing name).
        try {
            return kind.normalise(typed);
        } catch (RuntimeException e) {
            return record;
        }
    }

    private static <T> String idOf(NodeKind<T> kind, Object record) {
        return kind.idOf().apply(castFor(kind, record));
    }

    static Introduction normaliseIntroduction(Introduction i) {
        return new Introduction(i.id() == null || i.id().isBlank() ? Ids.generate("intro") : i.id(), i.introducer(),
                i.introduced(), i.recipient(), i.status() == null ? IntroductionStatus.REQUESTED : i.status(), i.date(),
                i.note(), i.createdAt(), i.updatedAt());
    }

    private static RejectedRow reject(Row<Object> row, String id, List<FieldProblem> problems) {
        String reason = problems.stream().map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("");
        return new RejectedRow(row.file(), row.number(), id, reason, problems);
    }
}
