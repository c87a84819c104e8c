package org.civnet.security;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.civnet.domain.InvalidInputException;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log, stored in Neo4j. Entries are only ever created and never deleted; the
 * one change an entry ever sees is an erasure's {@link #tombstone}, which replaces the erased
 * person's id, pseudonym and name by their tombstone and keeps who did what, when. Details never carry
 * passwords or tokens.
 */
@Service
public class AuditLog {

    /** What is audited. */
    public enum Action {
        READ_CONFIDENTIAL, REFERRAL_QUERY, ANALYSIS, IMPORT, EXPORT, DELETE, LOGIN_FAILURE,
        USER_CREATED, USER_DELETED, TOKEN_CREATED, TOKEN_REVOKED, BACKUP, RESTORE, FIELD_KEY_ROTATED, USER_LINKED,
        HANDOVER_REASSIGNED,
        /** A role without clearance named a protected person by pseudonym (see PseudonymIds). */
        PSEUDONYM_RESOLVED,
        /** An administrator erased a person; the target is the person's tombstone, never their id or name. */
        ERASURE
    }


    public record Entry(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String at, @Sensitivity(SAFE) String user, @Sensitivity(SAFE) String action, @Sensitivity(SAFE) String target, @Sensitivity(SAFE) String detail) {
    }

    private static final int RESTORE_BATCH = 5_000;

    private final Transactions transactions;

    public AuditLog(Transactions transactions) {
        this.transactions = transactions.require("security/append-audit", "security/find-audit", "security/all-audit",
                "security/audit-ids", "security/restore-audit", "security/audit-naming", "security/tombstone-audit");
    }

    /**
     * A failed login of any kind (password, API token, unreadable credentials), under the name tried
     * (cut to 64 characters) or "anonymous", from {@code address}; never what was presented.
     */
    public void recordFailedLogin(String username, String address, String reason) {
        String who = username == null || username.isEmpty() ? "anonymous"
                : username.length() > 64 ? username.substring(0, 64) : username;
        recordAs(who, Action.LOGIN_FAILURE, address, reason);
    }

    /** Records an action by the current user (or "anonymous"). */
    public void record(Action action, String target, String detail) {
        recordAs(currentUser(), action, target, detail);
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

    public void recordAs(String user, Action action, String target, String detail) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", UUID.randomUUID().toString());
        params.put("at", org.civnet.domain.Timestamps.now());
        params.put("user", user);
        params.put("action", action.name());
        params.put("target", target);
        params.put("detail", detail);
        transactions.run("security/append-audit", params);
    }

    /**
     * Appends an entry by the current user inside the caller's transaction (an erasure audits itself in
     * the erasing transaction); answers the entry's id.
     */
    public String recordIn(TransactionContext tx, Action action, String target, String detail) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("at", org.civnet.domain.Timestamps.now());
        params.put("user", currentUser());
        params.put("action", action.name());
        params.put("target", target);
        params.put("detail", detail);
        tx.run(transactions.statements().get("security/append-audit"), params).consume();
        return id;
    }

    /**
     * Erasure's tombstone, inside the erasing transaction: in every entry whose target or detail names
     * one of {@code identifiers} (an erased person's id, pseudonym, name; whole words, any case: {@code c-1}
     * is not {@code c-10}), each occurrence becomes {@code tombstone}; {@code erasedAt}/{@code erasedBy}
     * say when and by which entry (the {@link Action#ERASURE} entry's id). The entries keep their time,
     * user and action: the log still says that something was read or changed, no longer about whom.
     * The only method that changes entries (a hash chain over the log must keep verifying here).
     *
     * @return how many entries were changed
     */
    public int tombstone(TransactionContext tx, String erasureEntryId, java.util.Collection<String> identifiers,
                         String tombstone) {
        List<String> named = identifiers.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        if (named.isEmpty()) {
            return 0;
        }
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(named.stream().map(java.util.regex.Pattern::quote)
                .reduce((x, y) -> x + "|" + y).map(any -> "(?<![\\p{L}\\p{N}_.:-])(?:" + any
                        + ")(?![\\p{L}\\p{N}_:-]|\\.[\\p{L}\\p{N}])").orElseThrow(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        String replacement = java.util.regex.Matcher.quoteReplacement(tombstone);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> lower = named.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
        for (Record r : tx.run(transactions.statements().get("security/audit-naming"), Map.of("subjects", lower)).list()) {
            String target = r.get("target").asString(null);
            String detail = r.get("detail").asString(null);
            String erasedTarget = target == null ? null : word.matcher(target).replaceAll(replacement);
            String erasedDetail = detail == null ? null : word.matcher(detail).replaceAll(replacement);
            if (!java.util.Objects.equals(target, erasedTarget) || !java.util.Objects.equals(detail, erasedDetail)) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", r.get("id").asString());
                row.put("target", erasedTarget);
                row.put("detail", erasedDetail);
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            tx.run(transactions.statements().get("security/tombstone-audit"), Map.of("rows", rows,
                    "at", org.civnet.domain.Timestamps.now(), "by", erasureEntryId)).consume();
        }
        return rows.size();
    }

    public List<Entry> find(String user, Action action, Instant from, Instant to, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("action", action == null ? null : action.name());
        params.put("from", from == null ? null : org.civnet.domain.Timestamps.format(from));
        params.put("to", to == null ? null : org.civnet.domain.Timestamps.format(to));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        return transactions.read("security/find-audit", params, AuditLog::entry);
    }

    // ---- backup and restore: the log exports and restores itself ----------------------------------

    /** The whole log, oldest first. */
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

    /** Appends the entries that are not in the log yet; returns how many. */
    public int restore(List<Entry> entries) {
        Set<String> present = new HashSet<>(transactions.read("security/audit-ids", Map.of(), r -> r.get("id").asString()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            if (present.add(entry.id())) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", entry.id());
                row.put("at", entry.at());
                row.put("user", entry.user());
                row.put("action", entry.action());
                row.put("target", entry.target());
                row.put("detail", entry.detail());
                rows.add(row);
            }
        }
        int created = 0;
        for (int from = 0; from < rows.size(); from += RESTORE_BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + RESTORE_BATCH));
            created += transactions.write("security/restore-audit", Map.of("entries", batch),
                    r -> r.get("created").asInt()).get(0);
        }
        return created;
    }

    private static Entry entry(Record r) {
        return new Entry(r.get("id").asString(), r.get("at").asString(), r.get("user").asString(null),
                r.get("action").asString(), r.get("target").asString(null), r.get("detail").asString(null));
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }
}
