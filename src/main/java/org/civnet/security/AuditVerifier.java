package org.civnet.security;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civnet.domain.Sensitivity;
import org.civnet.domain.Timestamps;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Walks the audit chain ({@link AuditChain}) in pages of {@value #PAGE} entries, so a long log never
 * sits in memory, and names the first broken link: an entry whose content no longer matches its hash
 * or subject digest, a sequence number missing (an entry deleted, also at the end: the head node
 * remembers the last one), a {@code prev} that is not the previous entry's hash, an entry outside the
 * chain, or a tombstone no erasure entry accounts for.
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    static final int PAGE = 1_000;

    /** What broke. */
    public enum Problem {
        /** The entry's fields (or its target and detail) are not those its hash (or subject digest) was made of. */
        ALTERED_CONTENT,
        /** One or more sequence numbers are missing: entries were deleted. */
        MISSING_ENTRY,
        /** The entry's prev is not the previous entry's hash. */
        WRONG_PREVIOUS_HASH,
        /** An entry without a place in the chain (inserted into the store directly). */
        OUTSIDE_CHAIN,
        /** The erased entry names no erasure entry of the chain. */
        UNACCOUNTED_TOMBSTONE,
        /** The last entry is not the one the chain head recorded. */
        HEAD_MISMATCH
    }

    /** The first broken link: where (sequence number and entry id, when there is one) and what broke. */
    public record BrokenLink(@Sensitivity(SAFE) Long seq, @Sensitivity(SAFE) String id,
                             @Sensitivity(SAFE) Problem problem, @Sensitivity(SAFE) String detail) {
    }

    /**
     * The result: {@code valid} when every link holds; {@code entries} checked, of which {@code erased}
     * carry a tombstone; the head (last sequence number and hash) to anchor outside civnet; the first
     * broken link, or null.
     */
    public record Verification(@Sensitivity(SAFE) boolean valid, @Sensitivity(SAFE) long entries,
                               @Sensitivity(SAFE) long erased, @Sensitivity(SAFE) long headSeq,
                               @Sensitivity(SAFE) String headHash, @Sensitivity(SAFE) String checkedAt,
                               @Sensitivity(SAFE) BrokenLink broken) {
    }

    private final Transactions transactions;

    public AuditVerifier(Transactions transactions) {
        this.transactions = transactions.require("security/audit-chain-page", "security/find-audit-head");
    }

    public Verification verify() {
        Walk walk = new Walk();
        long after = 0;
        while (walk.broken == null) {
            List<AuditLog.Entry> page = transactions.read("security/audit-chain-page",
                    Map.of("after", after, "limit", PAGE), AuditLog::entry);
            page.forEach(walk::check);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        if (walk.broken == null) {
            walk.finish(transactions.read("security/find-audit-head", Map.of(), r -> r).get(0));
        }
        Verification result = new Verification(walk.broken == null, walk.entries, walk.erased, walk.seq, walk.hash,
                Timestamps.now(), walk.broken);
        if (result.valid()) {
            log.info("audit chain verified: {} entries, head seq {} hash {}", result.entries(), result.headSeq(),
                    result.headHash());
        } else {
            log.warn("audit chain broken at seq {} (entry {}): {} ({})", walk.broken.seq(), walk.broken.id(),
                    walk.broken.problem(), walk.broken.detail());
        }
        return result;
    }

    /** The state of one walk along the chain. */
    private static final class Walk {
        long seq;
        String hash = AuditChain.GENESIS;
        long entries;
        long erased;
        final Set<String> erasures = new HashSet<>();
        final Set<String> tombstonesBy = new HashSet<>();
        BrokenLink broken;

        void check(AuditLog.Entry e) {
            if (broken != null) {
                return;
            }
            if (e.seq() != seq + 1) {
                broken = new BrokenLink(seq + 1, null, Problem.MISSING_ENTRY, e.seq() == seq + 2
                        ? "entry " + (seq + 1) + " is missing (entry " + e.seq() + ", " + e.id() + ", follows entry " + seq + ")"
                        : "entries " + (seq + 1) + " to " + (e.seq() - 1) + " are missing (entry " + e.seq() + ", "
                                + e.id() + ", follows entry " + seq + ")");
            } else if (!hash.equals(e.prev())) {
                broken = new BrokenLink(e.seq(), e.id(), Problem.WRONG_PREVIOUS_HASH,
                        "prev is " + e.prev() + ", the previous entry's hash is " + hash);
            } else if (e.subject() == null || !e.hash().equals(AuditChain.hash(e.seq(), e.id(), e.at(), e.user(),
                    e.action(), e.subject(), e.prev()))) {
                broken = new BrokenLink(e.seq(), e.id(), Problem.ALTERED_CONTENT,
                        "its id, time, user, action or subject digest differ from what its hash was made of");
            } else if (e.salt() != null && !e.subject().equals(AuditChain.subject(e.salt(), e.target(), e.detail()))) {
                broken = new BrokenLink(e.seq(), e.id(), Problem.ALTERED_CONTENT,
                        "its target or detail differ from what its subject digest was made of");
            } else if (e.salt() == null && e.erasedBy() == null) {
                broken = new BrokenLink(e.seq(), e.id(), Problem.UNACCOUNTED_TOMBSTONE,
                        "its salt is gone but no erasure is named");
            } else {
                accept(e);
            }
        }

        private void accept(AuditLog.Entry e) {
            seq = e.seq();
            hash = e.hash();
            entries++;
            if (e.salt() == null) {
                erased++;
                tombstonesBy.add(e.erasedBy());
            }
            if (AuditLog.Action.ERASURE.name().equals(e.action())) {
                erasures.add(e.id());
            }
        }

        void finish(Record head) {
            long headSeq = head.get("seq").isNull() ? 0 : head.get("seq").asLong();
            String headHash = head.get("hash").isNull() ? AuditChain.GENESIS : head.get("hash").asString();
            tombstonesBy.removeAll(erasures);
            if (headSeq > seq) {
                broken = new BrokenLink(seq + 1, null, Problem.MISSING_ENTRY, "the chain ends at entry " + seq
                        + " but its head recorded entry " + headSeq + ": the last " + (headSeq - seq) + " were deleted");
            } else if (headSeq != seq || !headHash.equals(hash)) {
                broken = new BrokenLink(seq, null, Problem.HEAD_MISMATCH, "the head recorded entry " + headSeq
                        + " with hash " + headHash + ", the chain ends at entry " + seq + " with hash " + hash);
            } else if (head.get("outsideCount").asLong() > 0) {
                broken = new BrokenLink(null, head.get("firstOutside").asString(), Problem.OUTSIDE_CHAIN,
                        head.get("outsideCount").asLong() + " entries have no place in the chain");
            } else if (!tombstonesBy.isEmpty()) {
                broken = new BrokenLink(null, null, Problem.UNACCOUNTED_TOMBSTONE, "erased entries name erasure "
                        + String.join(", ", tombstonesBy) + ", which is not an erasure entry of the chain");
            }
        }
    }
}
