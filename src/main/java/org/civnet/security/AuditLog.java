package org.civnet.security;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civnet.domain.InvalidInputException;
import org.civnet.domain.Timestamps;
import org.civnet.neo4j.Neo4jSchema;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The append-only, hash-chained audit log, stored in Neo4j. Entries are only ever created, each with
 * the next sequence number, the hash of its predecessor and its own hash ({@link AuditChain}); the one
 * update is an erasure's {@link #tombstone}, which the chain survives. Appends are serialised by a
 * write lock on the chain's head node, taken in the transaction that appends. Writing is fail-closed:
 * when an entry cannot be written, {@link #record} throws {@link AuditUnavailableException} (a 503),
 * and the response it was to audit is not sent. Details never carry passwords or tokens.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** What is audited. */
    public enum Action {
        READ_CONFIDENTIAL, REFERRAL_QUERY, ANALYSIS, IMPORT, EXPORT, DELETE, LOGIN_FAILURE,
        USER_CREATED, USER_DELETED, TOKEN_CREATED, TOKEN_REVOKED, BACKUP, RESTORE, FIELD_KEY_ROTATED, USER_LINKED,
        HANDOVER_REASSIGNED,
        /** A role without clearance named a protected person by pseudonym (see PseudonymIds). */
        PSEUDONYM_RESOLVED,
        /** A person was erased; the entries that named them carry a tombstone (see {@link #tombstone}). */
        ERASURE
    }

    /**
     * An entry with its place in the chain: {@code seq}, {@code prev} (the previous entry's hash),
     * {@code hash}, {@code subject} (the digest of target and detail under {@code salt}); an erased
     * entry has no salt, and says when and by which erasure entry it was erased.
     */
    public record Entry(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String at, @Sensitivity(SAFE) String user,
                        @Sensitivity(SAFE) String action, @Sensitivity(SAFE) String target, @Sensitivity(SAFE) String detail,
                        @Sensitivity(SAFE) Long seq, @Sensitivity(SAFE) String prev, @Sensitivity(SAFE) String hash,
                        @Sensitivity(SAFE) String subject, @Sensitivity(SAFE) String salt,
                        @Sensitivity(SAFE) String erasedAt, @Sensitivity(SAFE) String erasedBy) {

        /** An entry of a backup written before the chain (it is linked when restored). */
        public Entry(String id, String at, String user, String action, String target, String detail) {
            this(id, at, user, action, target, detail, null, null, null, null, null, null, null);
        }

        boolean chained() {
            return seq != null && prev != null && hash != null && subject != null;
        }
    }

    /** What an erasure leaves in place of the person. */
    public static final String TOMBSTONE = "[erased]";

    private static final int BATCH = 5_000;

    private final Transactions transactions;

    public AuditLog(Transactions transactions, Neo4jSchema schema) {
        this.transactions = transactions.require("security/lock-audit-head", "security/append-audit",
                "security/set-audit-head", "security/find-audit", "security/all-audit", "security/audit-ids",
                "security/restore-audit", "security/unchained-audit", "security/chain-audit", "security/unlink-audit",
                "security/relink-audit", "security/find-audit-naming", "security/tombstone-audit");
        long linked = chainUnchained();
        if (linked > 0) {
            log.info("audit chain: linked {} entries written before the chain", linked);
        }
    }

    /**
     * A failed login of any kind (password, API token, unreadable credentials), under the name tried
     * (cut to 64 characters) or "anonymous", from {@code address}; never what was presented. The
     * login is refused whether or not the entry could be written.
     */
    public void recordFailedLogin(String username, String address, String reason) {
        String who = username == null || username.isEmpty() ? "anonymous"
                : username.length() > 64 ? username.substring(0, 64) : username;
        try {
            recordAs(who, Action.LOGIN_FAILURE, address, reason);
        } catch (AuditUnavailableException e) {
            log.warn("a failed login could not be audited");
        }
    }

    /** Records an action by the current user (or "anonymous"); answers the entry's id. */
    public String record(Action action, String target, String detail) {
        return recordAs(currentUser(), action, target, detail);
    }

    /**
     * Records that the current user read these protected people (ids, the first 50 named) through
     * {@code what}; nothing when none. JSON responses are audited by RedactionAdvice, files (CSV)
     * by their writers, both through here so the entry is the same.
     */
    public void recordConfidentialReads(java.util.Set<String> ids, String what) {
        if (!ids.isEmpty()) {
            record(Action.READ_CONFIDENTIAL, String.join(",", ids.stream().limit(50).toList()),
                    what + (ids.size() > 50 ? " (+" + (ids.size() - 50) + " more)" : ""));
        }
    }

    /**
     * Appends an entry, committed when this returns; answers its id.
     *
     * @throws AuditUnavailableException when the store refuses the entry: the caller's response must not be sent
     */
    public String recordAs(String user, Action action, String target, String detail) {
        String id = UUID.randomUUID().toString();
        try {
            transactions.inWrite(tx -> {
                append(tx, id, user, action.name(), target, detail);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("audit: the {} entry could not be written, so the response is withheld: {}", action, e.toString());
            throw new AuditUnavailableException();
        }
        return id;
    }

    private void append(TransactionContext tx, String id, String user, String action, String target, String detail) {
        Record head = tx.run(statement("security/lock-audit-head"), Map.of("genesis", AuditChain.GENESIS)).single();
        long seq = head.get("seq").asLong() + 1;
        String prev = head.get("hash").asString();
        String at = Timestamps.now();
        String salt = AuditChain.salt();
        String subject = AuditChain.subject(salt, target, detail);
        String hash = AuditChain.hash(seq, id, at, user, action, subject, prev);
        Map<String, Object> params = new HashMap<>();
        params.put("seq", seq);
        params.put("id", id);
        params.put("at", at);
        params.put("user", user);
        params.put("action", action);
        params.put("target", target);
        params.put("detail", detail);
        params.put("salt", salt);
        params.put("subject", subject);
        params.put("prev", prev);
        params.put("hash", hash);
        tx.run(statement("security/append-audit"), params).consume();
        tx.run(statement("security/set-audit-head"), Map.of("seq", seq, "hash", hash)).consume();
    }

    public List<Entry> find(String user, Action action, Instant from, Instant to, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("action", action == null ? null : action.name());
        params.put("from", from == null ? null : Timestamps.format(from));
        params.put("to", to == null ? null : Timestamps.format(to));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        return transactions.read("security/find-audit", params, AuditLog::entry);
    }

    // ---- erasure -----------------------------------------------------------------------------------

    /**
     * Erasure's tombstone: in every entry whose target or detail names one of {@code identifiers} (as
     * a whole word: {@code c-1} is not {@code c-10}), each occurrence becomes {@value #TOMBSTONE}, the
     * salt is removed and {@code erasedAt}/{@code erasedBy} say when and by which entry (the id
     * {@link #record} answered for the {@link Action#ERASURE} entry). The chain still verifies: it
     * hashes the subject's digest, which stays; the erased entries' remaining text is no longer
     * covered by it. Answers how many entries were changed.
     */
    public int tombstone(String erasureEntryId, Collection<String> identifiers) {
        List<String> named = identifiers.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        if (named.isEmpty()) {
            return 0;
        }
        Pattern word = Pattern.compile(named.stream().map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).map(any -> "(?<![\\w-])(?:" + any + ")(?![\\w-])").orElseThrow());
        return transactions.inWrite(tx -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record r : tx.run(statement("security/find-audit-naming"), Map.of("identifiers", named)).list()) {
                String target = r.get("target").asString(null);
                String detail = r.get("detail").asString(null);
                String erasedTarget = target == null ? null : word.matcher(target).replaceAll(TOMBSTONE);
                String erasedDetail = detail == null ? null : word.matcher(detail).replaceAll(TOMBSTONE);
                if (!java.util.Objects.equals(target, erasedTarget) || !java.util.Objects.equals(detail, erasedDetail)) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", r.get("id").asString());
                    row.put("target", erasedTarget);
                    row.put("detail", erasedDetail);
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            return tx.run(statement("security/tombstone-audit"), Map.of("entries", rows, "at", Timestamps.now(),
                    "by", erasureEntryId)).single().get("erased").asInt();
        });
    }

    // ---- backup and restore: the log exports and restores itself ----------------------------------

    /** The whole log in chain order, with each entry's chain fields. */
    public List<Entry> all() {
        return transactions.read("security/all-audit", Map.of(), AuditLog::entry);
    }

    /** Refuses entries a restore could not append as they are (no id or time, an unknown action). */
    public static void check(List<Entry> entries, String field) {
        for (Entry entry : entries) {
            boolean knownAction = Stream.of(Action.values()).anyMatch(a -> a.name().equals(entry.action()));
            if (entry.id() == null || entry.at() == null || !knownAction) {
                throw new InvalidInputException(field, "holds an invalid audit entry (" + entry.id() + ")");
            }
        }
    }

    /**
     * Appends the entries that are not in the log yet; returns how many. A backup's chain keeps its
     * hashes: it becomes the start of this log's chain, and the entries this store wrote before the
     * restore are re-linked after it (their seq, prev and hash change, their content does not). Entries
     * without a chain (older backups), or a backup part of which is already here, are linked after the
     * head as new entries.
     */
    public int restore(List<Entry> entries) {
        Set<String> present = new HashSet<>(transactions.read("security/audit-ids", Map.of(), r -> r.get("id").asString()));
        boolean prefix = !entries.isEmpty() && entries.stream().allMatch(Entry::chained)
                && entries.stream().noneMatch(e -> present.contains(e.id()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            if (present.add(entry.id())) {
                rows.add(restoredRow(entry, prefix));
            }
        }
        int created = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            created += transactions.write("security/restore-audit", Map.of("entries", batch),
                    r -> r.get("created").asInt()).get(0);
        }
        if (prefix) {
            Entry last = entries.stream().max(java.util.Comparator.comparing(Entry::seq)).orElseThrow();
            transactions.inWrite(tx -> relinkAfter(tx, last.seq(), last.hash()));
        }
        chainUnchained();
        return created;
    }

    private static Map<String, Object> restoredRow(Entry entry, boolean chained) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", entry.id());
        row.put("at", entry.at());
        row.put("user", entry.user());
        row.put("action", entry.action());
        row.put("target", entry.target());
        row.put("detail", entry.detail());
        row.put("seq", chained ? entry.seq() : null);
        row.put("prev", chained ? entry.prev() : null);
        row.put("hash", chained ? entry.hash() : null);
        row.put("subject", chained ? entry.subject() : null);
        row.put("salt", chained ? entry.salt() : null);
        row.put("erasedAt", chained ? entry.erasedAt() : null);
        row.put("erasedBy", chained ? entry.erasedBy() : null);
        return row;
    }

    /** Puts the restored chain (ending at {@code seq}, {@code hash}) first and this store's entries after it. */
    private Void relinkAfter(TransactionContext tx, long seq, String hash) {
        tx.run(statement("security/lock-audit-head"), Map.of("genesis", AuditChain.GENESIS)).consume();
        List<Map<String, Object>> rows = new ArrayList<>();
        long next = seq;
        String prev = hash;
        for (Record r : tx.run(statement("security/unlink-audit"), Map.of()).list()) {
            next++;
            String own = AuditChain.hash(next, r.get("id").asString(), r.get("at").asString(), r.get("user").asString(null),
                    r.get("action").asString(), r.get("subject").asString(), prev);
            rows.add(Map.of("id", r.get("id").asString(), "seq", next, "prev", prev, "hash", own));
            prev = own;
        }
        tx.run(statement("security/relink-audit"), Map.of("entries", rows)).consume();
        tx.run(statement("security/set-audit-head"), Map.of("seq", next, "hash", prev)).consume();
        return null;
    }

    /**
     * Links entries outside the chain (written before it existed, or restored from a backup without
     * one) after its head, oldest first; answers how many. Runs at start-up and after a restore.
     */
    private long chainUnchained() {
        long total = 0;
        while (true) {
            int linked = transactions.inWrite(this::chainBatch);
            if (linked == 0) {
                return total;
            }
            total += linked;
        }
    }

    private int chainBatch(TransactionContext tx) {
        Record head = tx.run(statement("security/lock-audit-head"), Map.of("genesis", AuditChain.GENESIS)).single();
        List<Record> unchained = tx.run(statement("security/unchained-audit"), Map.of("limit", BATCH)).list();
        if (unchained.isEmpty()) {
            return 0;
        }
        long seq = head.get("seq").asLong();
        String prev = head.get("hash").asString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Record r : unchained) {
            seq++;
            String salt = AuditChain.salt();
            String subject = AuditChain.subject(salt, r.get("target").asString(null), r.get("detail").asString(null));
            String hash = AuditChain.hash(seq, r.get("id").asString(), r.get("at").asString(), r.get("user").asString(null),
                    r.get("action").asString(), subject, prev);
            rows.add(Map.of("id", r.get("id").asString(), "seq", seq, "salt", salt, "subject", subject, "prev", prev,
                    "hash", hash));
            prev = hash;
        }
        tx.run(statement("security/chain-audit"), Map.of("entries", rows)).consume();
        tx.run(statement("security/set-audit-head"), Map.of("seq", seq, "hash", prev)).consume();
        return rows.size();
    }

    private String statement(String name) {
        return transactions.statements().get(name);
    }

    static Entry entry(Record r) {
        return new Entry(r.get("id").asString(), r.get("at").asString(), r.get("user").asString(null),
                r.get("action").asString(), r.get("target").asString(null), r.get("detail").asString(null),
                r.get("seq").isNull() ? null : r.get("seq").asLong(), r.get("prev").asString(null),
                r.get("hash").asString(null), r.get("subject").asString(null), r.get("salt").asString(null),
                r.get("erasedAt").asString(null), r.get("erasedBy").asString(null));
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }
}
