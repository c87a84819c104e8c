package org.civnet.erasure;

import java.util.Map;
import java.util.regex.Pattern;

import org.civnet.domain.NotFoundException;
import org.civnet.domain.Sensitivity;
import org.civnet.domain.Timestamps;
import org.civnet.network.FieldKeys;
import org.civnet.network.NetworkStore;
import org.civnet.neo4j.CypherQueries;
import org.civnet.neo4j.Transactions;
import org.civnet.security.AuditLog;
import org.civnet.security.Pseudonyms;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

/**
 * Erases a person ("forget"), in one transaction, so a failure anywhere leaves everything as it was:
 * <ol>
 *   <li>introductions that named them keep their existence, status, dates and note; the person's role
 *       holds their tombstone instead of a link;</li>
 *   <li>user accounts linked to them are unlinked; stored coalition numberings that list them are dropped;</li>
 *   <li>audit entries that named them (id, pseudonym or name) keep who did what and when, with the
 *       tombstone in place of the person ({@link AuditLog#tombstone});</li>
 *   <li>the contact goes with every tie and participation in activities (the activities stay);</li>
 *   <li>their data key is destroyed (crypto-shredding: their channels and notes in every backup become
 *       unreadable, see network/PersonKeys);</li>
 *   <li>the erasure is audited: who, when, why, and the tombstone, never the id or the name.</li>
 * </ol>
 * The tombstone ({@link Pseudonyms#tombstone}) is a keyed one-way digest: it lets the record stay coherent
 * (the same tombstone in the introductions, the audit entries and the erasure's own entry) without naming
 * the person to anyone who lacks the deployment's key.
 */
@Service
public class ErasureService {

    /** What an erasure did; names no one (the tombstone stands for the person). */
    public record Erasure(
            @Sensitivity(SAFE) String tombstone,
            @Sensitivity(SAFE) String erasedAt,
            @Sensitivity(SAFE) String erasedBy,
            @Sensitivity(FREE_TEXT) String reason,
            long ties,
            long participations,
            long introductionsKept,
            long auditEntriesTombstoned,
            long usersUnlinked,
            long coalitionNumberingsDropped,
            boolean dataKeyDestroyed) {
    }

    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    private final Transactions transactions;
    private final CypherQueries cypher;
    private final AuditLog audit;
    private final Pseudonyms pseudonyms;
    private final FieldKeys fieldKeys;
    private final NetworkStore store;
    private final ErasureRegister register;

    /** The reason an erasure gives when a restore brought back someone erased after the backup was taken. */
    static final String ERASED_AGAIN = "erased after this backup was taken; erased again as it was restored";

    public ErasureService(Transactions transactions, AuditLog audit, Pseudonyms pseudonyms, FieldKeys fieldKeys,
                          NetworkStore store, ErasureRegister register) {
        this.transactions = transactions.require("erasure/contact-name", "erasure/detach-introductions",
                "erasure/unlink-users", "erasure/drop-coalition-tracks", "erasure/delete-contact",
                "erasure/delete-person-key");
        this.cypher = transactions.statements();
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.fieldKeys = fieldKeys;
        this.store = store;
        this.register = register;
    }

    /**
     * Erases contact {@code id} for {@code reason} (the person's name, should the reason hold it, is
     * replaced by the tombstone as well).
     *
     * @throws NotFoundException when there is no such contact (nothing is written)
     */
    public Erasure erase(String id, String reason) {
        String tombstone = pseudonyms.tombstone(id);
        String pseudonym = pseudonyms.of(id);
        Erasure erasure;
        try {
            erasure = transactions.inWrite(tx -> eraseIn(tx, id, pseudonym, tombstone, reason));
        } finally {
            store.versionChanged();
        }
        // After the commit: the key leaves this instance's memory and the secrets directory's copy.
        fieldKeys.personKeys().forgotten(id);
        try {
            register.add(id);
        } catch (RuntimeException e) {
            log.warn("erasure: {} is erased, but could not be noted in the secrets directory's {} ({}): a restore of a "
                    + "backup taken before it would bring the person back", tombstone, ErasureRegister.FILE, e.getMessage());
        }
        log.info("erasure: {} erased by {} ({} ties, {} participations, {} introductions kept, {} audit entries tombstoned)",
                tombstone, erasure.erasedBy(), erasure.ties(), erasure.participations(), erasure.introductionsKept(),
                erasure.auditEntriesTombstoned());
        return erasure;
    }

    /**
     * Erases again those of {@code restored} (contact ids a restore just wrote) whom the register says
     * were erased: a backup taken before an erasure must not bring the person back.
     *
     * @return the tombstone of each one erased again, by id (for the caller, never for a response)
     */
    public java.util.Map<String, String> eraseAgain(java.util.List<String> restored) {
        java.util.Map<String, String> tombstones = new java.util.TreeMap<>();
        for (String id : register.erasedAmong(restored)) {
            tombstones.put(id, erase(id, ERASED_AGAIN).tombstone());
        }
        return tombstones;
    }

    private Erasure eraseIn(TransactionContext tx, String id, String pseudonym, String tombstone, String reason) {
        Map<String, Object> params = Map.of("id", id, "tombstone", tombstone);
        var found = tx.run(cypher.get("erasure/contact-name"), params).list();
        if (found.isEmpty()) {
            throw new NotFoundException("Contact", id);
        }
        String name = found.get(0).get("name").asString(null);
        var detached = tx.run(cypher.get("erasure/detach-introductions"), params).single();
        long introductions = detached.get("introductions").asLong();
        long users = single(tx, "erasure/unlink-users", params, "users");
        long tracks = single(tx, "erasure/drop-coalition-tracks", params, "tracks");
        var removed = tx.run(cypher.get("erasure/delete-contact"), params).single();
        boolean keyDestroyed = single(tx, "erasure/delete-person-key", params, "keys") > 0;
        // What changed, for the snapshot: the contact, the nodes that lost a tie to it, the introductions.
        java.util.Set<String> changed = new java.util.HashSet<>(removed.get("neighbours").asList(org.neo4j.driver.Value::asString));
        changed.addAll(detached.get("ids").asList(org.neo4j.driver.Value::asString));
        changed.add(id);
        bumpVersion(tx, changed);
        String cleanReason = withoutName(reason.strip(), name, id, tombstone);
        var removedTies = removed.get("ties").asLong();
        var participations = removed.get("participations").asLong();
        // The erasure's own entry first: the tombstoned entries name it (erasedBy).
        String entry = audit.recordIn(tx, AuditLog.Action.ERASURE, tombstone, "reason: " + cleanReason + "; removed "
                + removedTies + " ties and " + participations + " participations; " + introductions
                + " introductions kept without the person; " + users + " users unlinked; data key "
                + (keyDestroyed ? "destroyed" : "absent (no channels or notes)"));
        int tombstoned = audit.tombstone(tx, entry, java.util.List.of(id, pseudonym, name == null ? "" : name), tombstone);
        return new Erasure(tombstone, Timestamps.now(), AuditLog.currentUser(), cleanReason, removedTies, participations,
                introductions, tombstoned, users, tracks, keyDestroyed);
    }

    /** The reason as given, with the person's name and id (should an administrator have typed them) replaced. */
    static String withoutName(String reason, String name, String id, String tombstone) {
        String out = reason;
        for (String word : new String[] {name, id}) {
            if (word != null && !word.isBlank()) {
                out = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(tombstone));
            }
        }
        return out;
    }

    /** The graph version moves on (analyses and snapshots re-read what changed). */
    private void bumpVersion(TransactionContext tx, java.util.Set<String> changed) {
        transactions.bumpVersion(tx, org.civnet.domain.Changes.of(changed));
    }

    private long single(TransactionContext tx, String statement, Map<String, Object> params, String column) {
        return tx.run(cypher.get(statement), params).single().get(column).asLong();
    }
}
