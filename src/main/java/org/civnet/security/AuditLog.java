package org.civnet.security;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civnet.neo4j.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log, stored in Neo4j. Entries are only ever created; there is no
 * statement and no endpoint that edits or deletes one. Details never carry passwords or tokens.
 */
@Service
public class AuditLog {

    /** What is audited. */
    public enum Action {
        READ_CONFIDENTIAL, REFERRAL_QUERY, ANALYSIS, IMPORT, EXPORT, DELETE, LOGIN_FAILURE,
        USER_CREATED, USER_DELETED, TOKEN_CREATED, TOKEN_REVOKED, BACKUP, RESTORE, FIELD_KEY_ROTATED
    }

    public record Entry(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String at, @Sensitivity(SAFE) String user, @Sensitivity(SAFE) String action, @Sensitivity(SAFE) String target, @Sensitivity(SAFE) String detail) {
    }

    private final Driver driver;
    private final CypherQueries cypher;

    public AuditLog(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
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
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher.get("security/append-audit"), params).consume());
        }
    }

    public List<Entry> find(String user, Action action, Instant from, Instant to, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("action", action == null ? null : action.name());
        params.put("from", from == null ? null : org.civnet.domain.Timestamps.format(from));
        params.put("to", to == null ? null : org.civnet.domain.Timestamps.format(to));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher.get("security/find-audit"), params).list(r -> new Entry(
                    r.get("id").asString(), r.get("at").asString(), r.get("user").asString(null),
                    r.get("action").asString(), r.get("target").asString(null), r.get("detail").asString(null))));
        }
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }
}
