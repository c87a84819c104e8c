package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civnet.domain.Changes;
import org.civnet.domain.GraphVersion;
import org.civnet.neo4j.CypherQueries;
import org.civnet.neo4j.Transactions;
import org.civnet.neo4j.Neo4jErrors;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Repository;
import org.civnet.domain.ConflictException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.Region;
import org.civnet.domain.TieType;
import org.civnet.domain.Timestamps;

/**
 * The graph in Neo4j: every read and write of network data goes through here, as statements
 * from {@code cypher/} with parameters, in transaction functions (retried by the driver on
 * transient failures, so writes are idempotent MERGEs or guarded CREATEs).
 */
@Repository
public class NetworkStore implements GraphVersion {

    /** Trust given to a KNOWS tie that a made introduction creates. */
    static final int INTRODUCED_TRUST = 2;

    private final Transactions transactions;
    private final CypherQueries cypher;
    private final PropertyMapper mapper = new PropertyMapper();
    private final FieldKeys fieldKeys;

    static final long VERSION_TTL_MILLIS = 250;
    private volatile long knownVersion = -1;
    private volatile long knownAt;
    private volatile boolean versionDirty;

    public NetworkStore(Transactions transactions, FieldKeys fieldKeys) {
        this.transactions = transactions;
        this.cypher = transactions.statements();
        this.fieldKeys = fieldKeys;
    }

    /** Counts from one batched write. */
    public record UpsertCounts(long created, long updated) {
        public UpsertCounts plus(UpsertCounts other) {
            return new UpsertCounts(created + other.created, updated + other.updated);
        }

        public boolean changedAnything() {
            return created + updated > 0;
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /**
     * Filters of the list endpoints; null means "any". {@code hidden} ids never match (protected
     * people whom a search by name or country must not reveal to roles without clearance);
     * {@code shownIds} maps ids to what the caller sees instead (pseudonyms), and the list is
     * ordered by what the caller sees.
     */
    public record NodeFilter(Region region, String country, String theme, String q, java.util.Set<String> hidden,
                             Map<String, String> shownIds) {
        public NodeFilter(Region region, String country, String theme, String q) {
            this(region, country, theme, q, java.util.Set.of(), Map.of());
        }
    }

    public record GraphStats(long graphVersion, @Sensitivity(SAFE) Map<String, Long> nodes, @Sensitivity(SAFE) Map<String, Long> ties) {
    }

    // ---- graph version -------------------------------------------------------------------

    /**
     * The current graph version. Analyses ask for it on every request, so it is remembered for
     * {@value #VERSION_TTL_MILLIS} ms; a write through this instance forgets it at once, so this
     * instance never serves an analysis older than its own writes, and writes made through other
     * instances (a cluster) are seen within that time.
     */
    @Override
    public long graphVersion() {
        long now = System.nanoTime();
        long known = knownVersion;
        if (known >= 0 && now - knownAt < VERSION_TTL_MILLIS * 1_000_000L) {
            return known;
        }
        long version = read(tx -> tx.run(cypher.get("graph/version")).single().get("version").asLong());
        if (!versionDirty) {
            knownVersion = version;
            knownAt = now;
        }
        versionDirty = false;
        return version;
    }

    /** Forgets the remembered graph version; every writer that bumps it calls this after committing. */
    public void versionChanged() {
        versionDirty = true;
        knownVersion = -1;
    }

    /** Bumps the graph version and records what changed, in the write's transaction ({@link Transactions#bumpVersion}). */
    private void bumpVersion(TransactionContext tx, Changes changes) {
        transactions.bumpVersion(tx, changes);
    }

    // ---- nodes ---------------------------------------------------------------------------

    public <T> T create(NodeKind<T> kind, T record) {
        String id = kind.idOf().apply(record);
        try {
            return write(tx -> {
                if (!labelsOf(tx, List.of(id)).isEmpty()) {
                    throw new ConflictException("id '" + id + "' is already used");
                }
                Map<String, Object> params = new HashMap<>();
                params.put("id", id);
                params.put("props", stored(kind, id, record));
                params.put("now", now());
                params.put("recordedBy", recorder());
                Record row = tx.run(cypher.get("node/create", kind.label()), params).single();
                bumpVersion(tx, Changes.of(id));
                return toRecord(kind, row.get("n").asMap());
            });
        } catch (ClientException e) {
            if (Neo4jErrors.isConstraintViolation(e)) {
                throw new ConflictException("id '" + id + "' is already used");
            }
            throw e;
        }
    }

    public <T> T update(NodeKind<T> kind, String id, T record) {
        return write(tx -> {
            List<Record> rows = tx.run(cypher.get("node/update", kind.label()), Map.of(
                    "id", id, "props", stored(kind, id, record), "now", now())).list();
            if (rows.isEmpty()) {
                throw new NotFoundException(kind.label().name(), id);
            }
            bumpVersion(tx, Changes.of(id));
            return toRecord(kind, rows.get(0).get("n").asMap());
        });
    }

    public <T> Optional<T> find(NodeKind<T> kind, String id) {
        return read(tx -> tx.run(cypher.get("node/get", kind.label()), Map.of("id", id)).list().stream()
                .findFirst().map(r -> toRecord(kind, r.get("n").asMap())));
    }

    /** What a delete removed besides the node: its ties, and for a contact the introductions it took part in. */
    public record Deleted(long ties, long introductions) {
    }

    /**
     * Deletes the node and its ties, and a contact's introductions (an introduction needs its three
     * people); says how many of each went.
     */
    public Deleted delete(NodeKind<?> kind, String id) {
        return write(tx -> {
            if (kind.label() == NodeLabel.Mandate) {
                refuseWhileNamed(tx, id);
            }
            long introductions = kind.label() == NodeLabel.Contact
                    ? tx.run(cypher.get("introduction/delete-of-contact"), Map.of("id", id)).single().get("introductions").asLong()
                    : 0;
            List<Record> rows = tx.run(cypher.get("node/delete", kind.label()), Map.of("id", id)).list();
            if (rows.isEmpty()) {
                throw new NotFoundException(kind.label().name(), id);
            }
            bumpVersion(tx, Changes.of(id));
            return new Deleted(rows.get(0).get("ties").asLong(), introductions);
        });
    }

    /**
     * A mandate that activity records name stays: deleting it would leave communications and
     * visits pointing at nothing (institutional memory). Checked in the deleting transaction.
     */
    private void refuseWhileNamed(TransactionContext tx, String mandateId) {
        List<String> records = tx.run(cypher.get("node/mandate-named-by"), Map.of("id", mandateId)).single()
                .get("records").asList(org.neo4j.driver.Value::asString);
        if (!records.isEmpty()) {
            String shown = String.join(", ", records.subList(0, Math.min(10, records.size())))
                    + (records.size() > 10 ? ", …" : "");
            throw new ConflictException("mandate '" + mandateId + "' is named by " + records.size()
                    + " activity record(s) (" + shown + "); change or delete them first");
        }
    }

    public <T> Page<T> list(NodeKind<T> kind, NodeFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("region", filter.region() == null ? null : filter.region().name());
        params.put("country", filter.country());
        params.put("theme", filter.theme());
        params.put("q", filter.q() == null || filter.q().isBlank() ? null : filter.q());
        params.put("skip", (long) page * size);
        params.put("limit", size);
        params.put("hidden", List.copyOf(filter.hidden()));
        params.put("shown", filter.shownIds());
        Page<Map<String, Object>> stored = read(tx -> {
            List<Map<String, Object>> items = tx.run(cypher.get("node/list", kind.label()), params).list(
                    r -> r.get("n").asMap());
            long total = tx.run(cypher.get("node/count", kind.label()), params).single().get("count").asLong();
            return new Page<>(items, page, size, total);
        });
        return new Page<>(toRecords(kind, stored.items()), page, size, stored.total());
    }

    public <T> List<T> all(NodeKind<T> kind) {
        return toRecords(kind, read(tx -> tx.run(cypher.get("node/all", kind.label())).list(r -> r.get("n").asMap())));
    }

    private <T> List<T> toRecords(NodeKind<T> kind, List<Map<String, Object>> stored) {
        fieldKeys.preload(kind.label(), stored);
        return stored.stream().map(p -> toRecord(kind, p)).toList();
    }

    /** Upserts a batch of normalised records in one transaction. */
    public <T> UpsertCounts upsertNodes(NodeKind<T> kind, List<T> records) {
        if (records.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        String now = now();
        String recorder = recorder();
        List<Map<String, Object>> rows = nodeRows(kind, records, false, now, recorder);
        return write(tx -> {
            Map<String, Object> params = new HashMap<>();
            params.put("rows", rows);
            params.put("now", now);
            params.put("recordedBy", recorder);
            UpsertCounts counts = counts(tx.run(cypher.get("node/upsert", kind.label()), params).single());
            if (counts.changedAnything()) {
                bumpVersion(tx, idsOf(rows));
            }
            return counts;
        });
    }

    /**
     * Creates a batch of records whose ids were unused when the caller looked (an import of new
     * rows), in one transaction; a 409 if another writer took one of the ids in the meantime. Once
     * the batch has committed, {@code elementIds} gets each created node's element id under its id,
     * for {@link #insertTiesBetweenNew}; several writers may share one (thread-safe) map.
     */
    public <T> UpsertCounts insertNewNodes(NodeKind<T> kind, List<T> records, Map<String, String> elementIds) {
        if (records.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        List<Map<String, Object>> rows = nodeRows(kind, records, true, now(), recorder());
        try {
            Map<String, String> created = write(tx -> {
                // A new map per attempt: the driver may run this function again after a transient failure.
                Map<String, String> ids = new HashMap<>(rows.size() * 2);
                tx.run(cypher.get("node/insert-new", kind.label()), Map.of("rows", rows)).forEachRemaining(r ->
                        ids.put(r.get("id").asString(), r.get("elementId").asString()));
                bumpVersion(tx, idsOf(rows));
                return ids;
            });
            // Only now: an element id handed out before the commit could name a node that was rolled back.
            elementIds.putAll(created);
            return new UpsertCounts(created.size(), 0);
        } catch (ClientException e) {
            if (Neo4jErrors.isConstraintViolation(e)) {
                throw new ConflictException("another writer created one of these " + kind.section() + " ids during the "
                        + "import; nothing of this batch was written: send the same input again");
            }
            throw e;
        }
    }

    /** The rows of a node batch ({@link BatchRows#nodes}), a contact's fields sealed, keys prepared first. */
    private <T> List<Map<String, Object>> nodeRows(NodeKind<T> kind, List<T> records, boolean insert, String now,
                                                  String recorder) {
        fieldKeys.prepare(records);
        return BatchRows.nodes(records, mapper::toStoredMap, insert, now, recorder,
                (id, props) -> sealed(kind, id, Responsibility.withDefault(kind.label(), props, recorder)));
    }

    private static Changes idsOf(List<Map<String, Object>> nodeRows) {
        return Changes.of(nodeRows.stream().map(row -> (String) row.get("id")).toList());
    }

    /** The kind of each id that exists (ids unique across kinds); unknown ids are absent. */
    public Map<String, NodeLabel> labelsOf(Collection<String> ids) {
        return read(tx -> labelsOf(tx, ids));
    }

    private Map<String, NodeLabel> labelsOf(TransactionContext tx, Collection<String> ids) {
        Map<String, NodeLabel> out = new HashMap<>();
        tx.run(cypher.get("graph/labels-of"), Map.of("ids", List.copyOf(ids))).forEachRemaining(r ->
                out.put(r.get("id").asString(), NodeLabel.valueOf(r.get("label").asString())));
        return out;
    }

    // ---- ties ----------------------------------------------------------------------------

    /** Upserts ties of one type whose endpoints were already checked; KNOWS is stored once per pair. */
    public UpsertCounts upsertTies(TieType type, List<Tie> ties) {
        return writeTies(type, ties, "tie/upsert");
    }

    /** Creates ties of which at least one end is new in the same import (so none of them exists yet). */
    public UpsertCounts insertNewTies(TieType type, List<Tie> ties) {
        return writeTies(type, ties, "tie/insert-new");
    }

    /**
     * Creates ties whose two ends this import created, each end found by the element id
     * {@link #insertNewNodes} gave for it ({@code elementIds}: id to element id, every end present)
     * rather than by the id index. If an end is no longer the node it was (deleted, and its element
     * id perhaps reused), the batch fails whole with a 409 and nothing of it is written.
     */
    public UpsertCounts insertTiesBetweenNew(TieType type, List<Tie> ties, Map<String, String> elementIds) {
        if (ties.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        List<Map<String, Object>> rows = BatchRows.tiesBetween(ties, elementIds);
        return write(tx -> {
            UpsertCounts counts = counts(tx.run(cypher.get("tie/insert-between-new", type), Map.of("rows", rows)).single());
            if (counts.created() != rows.size()) {
                // Thrown inside the transaction function: the driver rolls the batch back, so none of its ties stays.
                throw new ConflictException((rows.size() - counts.created()) + " of " + rows.size() + " " + type
                        + " ties of this batch no longer found the node this import created at one of their ends "
                        + "(deleted or replaced by another writer during the import); nothing of this batch was "
                        + "written: send the same input again");
            }
            bumpVersion(tx, BatchRows.endsOf(ties));
            return counts;
        });
    }

    private UpsertCounts writeTies(TieType type, List<Tie> ties, String query) {
        if (ties.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(ties.size());
        for (Tie tie : ties) {
            rows.add(BatchRows.tie(tie.canonical()));
        }
        return write(tx -> {
            UpsertCounts counts = counts(tx.run(cypher.get(query, type),
                    Map.of("rows", rows)).single());
            if (counts.changedAnything()) {
                bumpVersion(tx, BatchRows.endsOf(ties));
            }
            return counts;
        });
    }

    /** A tie written through the API, and whether the write created it. */
    public record MergedTie(Tie tie, boolean created) {
    }

    /** The stored tie of this type between these ends (either order for KNOWS). */
    public Optional<Tie> findTie(TieType type, String from, String to) {
        Tie key = new Tie(type, from, to, null, null, null, null, null).canonical();
        return read(tx -> tx.run(cypher.get("tie/get", type), Map.of("from", key.from(), "to", key.to()))
                .list(this::toTie).stream().findFirst());
    }

    /**
     * Creates the tie, or sets on the stored one only the fields this tie names (the others keep
     * their stored values); ends already checked.
     */
    public MergedTie mergeTie(Tie tie) {
        Tie stored = tie.canonical();
        Map<String, Object> props = mapper.toMap(stored);
        props.remove("type");
        props.remove("from");
        props.remove("to");
        return write(tx -> {
            Record row = tx.run(cypher.get("tie/merge", tie.type()),
                    Map.of("from", stored.from(), "to", stored.to(), "props", props)).single();
            boolean created = row.get("created").asBoolean();
            if (created || row.get("changed").asBoolean()) {
                bumpVersion(tx, Changes.of(stored.from(), stored.to()));
            }
            return new MergedTie(toTie(row), created);
        });
    }

    public boolean deleteTie(TieType type, String from, String to) {
        return write(tx -> {
            long deleted = tx.run(cypher.get("tie/delete", type), Map.of("from", from, "to", to))
                    .single().get("deleted").asLong();
            if (deleted > 0) {
                bumpVersion(tx, Changes.of(from, to));
            }
            return deleted > 0;
        });
    }

    public List<Tie> tiesOf(String id) {
        List<String> types = java.util.Arrays.stream(TieType.values()).map(Enum::name).toList();
        return read(tx -> tx.run(cypher.get("tie/of-node"), Map.of("id", id, "types", types)).list(this::toTie));
    }

    public List<Tie> allTies(TieType type) {
        return read(tx -> tx.run(cypher.get("tie/all", type)).list(this::toTie));
    }

    private Tie toTie(Record r) {
        Map<String, Object> map = new LinkedHashMap<>(r.get("props").asMap());
        map.put("type", r.get("type").asString());
        map.put("from", r.get("from").asString());
        map.put("to", r.get("to").asString());
        return mapper.fromMap(map, Tie.class);
    }

    // ---- introductions -------------------------------------------------------------------

    public UpsertCounts upsertIntroductions(List<Introduction> introductions) {
        if (introductions.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Introduction introduction : introductions) {
            rows.add(BatchRows.introduction(introduction, mapper.toMap(introduction), Responsibility.withDefault(
                    NodeLabel.Introduction, mapper.toNodeProperties(introduction), recorder())));
        }
        return write(tx -> {
            Map<String, Object> params = new HashMap<>();
            params.put("rows", rows);
            params.put("now", now());
            params.put("introducedTrust", INTRODUCED_TRUST);
            params.put("erased", org.civnet.domain.Erased.PATTERN);
            params.put("recordedBy", recorder());
            UpsertCounts counts = counts(tx.run(cypher.get("introduction/upsert"), params).single());
            if (counts.changedAnything()) {
                // A made introduction creates or strengthens the KNOWS tie of recipient and introduced.
                List<String> ids = new ArrayList<>();
                for (Introduction introduction : introductions) {
                    ids.addAll(java.util.Arrays.asList(introduction.id(), introduction.introducer(),
                            introduction.introduced(), introduction.recipient()));
                }
                bumpVersion(tx, Changes.of(ids));
            }
            return counts;
        });
    }

    public Optional<Introduction> findIntroduction(String id) {
        return read(tx -> tx.run(cypher.get("introduction/get"), Map.of("id", id)).list(this::toIntroduction)
                .stream().findFirst());
    }

    public List<Introduction> allIntroductions() {
        return read(tx -> tx.run(cypher.get("introduction/all")).list(this::toIntroduction));
    }

    private Introduction toIntroduction(Record r) {
        Map<String, Object> map = new LinkedHashMap<>(r.get("i").asMap());
        map.put("introducer", r.get("introducer").asString(null));
        map.put("introduced", r.get("introduced").asString(null));
        map.put("recipient", r.get("recipient").asString(null));
        return mapper.fromMap(map, Introduction.class);
    }

    // ---- statistics ----------------------------------------------------------------------

    public GraphStats stats() {
        return read(tx -> {
            Map<String, Long> nodes = new LinkedHashMap<>();
            for (NodeLabel label : NodeLabel.values()) {
                nodes.put(label.name(), tx.run(cypher.get("graph/count-label", label)).single().get("count").asLong());
            }
            Map<String, Long> ties = new LinkedHashMap<>();
            for (TieType type : TieType.values()) {
                ties.put(type.name(), tx.run(cypher.get("tie/count", type)).single().get("count").asLong());
            }
            long version = tx.run(cypher.get("graph/version")).single().get("version").asLong();
            return new GraphStats(version, nodes, ties);
        });
    }

    public boolean isEmpty() {
        return stats().nodes().values().stream().mapToLong(Long::longValue).sum() == 0;
    }

    // ---- plumbing ------------------------------------------------------------------------

    private <T> T toRecord(NodeKind<T> kind, Map<String, Object> properties) {
        if (kind.label() == NodeLabel.Contact) {
            properties = fieldKeys.open((String) properties.get("id"), properties);
        }
        return mapper.fromMap(properties, kind.type());
    }

    /** The properties a record is stored with: a contact's channels and notes only as ciphertext. */
    private <T> Map<String, Object> stored(NodeKind<T> kind, String id, T record) {
        return sealed(kind, id, Responsibility.withDefault(kind.label(), mapper.toNodeProperties(record), recorder()));
    }

    private Map<String, Object> sealed(NodeKind<?> kind, String id, Map<String, Object> properties) {
        return kind.label() == NodeLabel.Contact ? fieldKeys.seal(id, properties) : properties;
    }

    private static UpsertCounts counts(Record r) {
        return new UpsertCounts(r.get("created").asLong(), r.get("updated").asLong());
    }

    private static String now() {
        return Timestamps.now();
    }

    /**
     * Who records a new node or introduction (kept as {@code recordedBy}, like {@code createdAt}, for
     * the history view); null outside a request, e.g. the demo loader.
     */
    private static String recorder() {
        String user = org.civnet.security.AuditLog.currentUser();
        return "anonymous".equals(user) ? null : user;
    }

    private <T> T read(java.util.function.Function<TransactionContext, T> work) {
        return transactions.inRead(work);
    }

    private <T> T write(java.util.function.Function<TransactionContext, T> work) {
        try {
            return transactions.inWrite(work);
        } finally {
            versionChanged();
        }
    }
}
