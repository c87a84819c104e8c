package org.civnet.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.civnet.coverage.Memory.Handover;
import org.civnet.coverage.Memory.HandoverContact;
import org.civnet.coverage.Memory.History;
import org.civnet.coverage.Memory.HistoryEntry;
import org.civnet.coverage.Memory.LastInteraction;
import org.civnet.coverage.Memory.PendingFollowUp;
import org.civnet.coverage.MemoryStore.ContactSummary;
import org.civnet.coverage.MemoryStore.Subject;
import org.civnet.domain.InvalidInputException;
import org.civnet.network.NetworkStore;
import org.civnet.network.NodeService;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** Each contact's and organisation's history, and the handover export per mandate or officer. */
@Service
class HistoryService {

    /** Newest first: by the activity's date (its recording day when undated), then by when it was recorded. */
    static final Comparator<HistoryEntry> NEWEST_FIRST = Comparator
            .comparing(HistoryService::day, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(HistoryEntry::recordedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(HistoryEntry::record);

    private final MemoryStore memory;
    private final NodeService nodes;
    private final NetworkStore network;

    HistoryService(MemoryStore memory, NodeService nodes, NetworkStore network) {
        this.memory = memory;
        this.nodes = nodes;
        this.network = network;
    }

    History history(String id) {
        Subject subject = memory.subject(id).orElseThrow(() -> new NotFoundException("node", id));
        String label = subject.party().label();
        if (!NodeLabel.Contact.name().equals(label) && !NodeLabel.Organisation.name().equals(label)) {
            throw new InvalidInputException("id", "a history is kept for contacts and organisations; '" + id
                    + "' is a " + label);
        }
        List<HistoryEntry> entries = new ArrayList<>(memory.history(List.of(id)).getOrDefault(id, List.of()));
        entries.sort(NEWEST_FIRST);
        return new History(subject.party(), subject.recordedBy(), subject.recordedAt(), List.copyOf(entries));
    }

    /**
     * The handover of one mandate or one officer (exactly one of the two), with the graph version it
     * was read at: read before and after its several statements, and read again when a write came
     * between (three times at most, then labelled with the later version).
     */
    Handover handover(String mandate, String officer) {
        for (int attempt = 1; ; attempt++) {
            long before = network.graphVersion();
            Handover handover = read(mandate, officer, before);
            long after = network.graphVersion();
            if (before == after) {
                return handover;
            }
            if (attempt == 3) {
                return new Handover(handover.mandate(), handover.officer(), handover.mandates(), handover.generatedAt(),
                        after, handover.contacts(), handover.partners(), handover.openIntroductions(), handover.followUps());
            }
        }
    }

    private Handover read(String mandate, String officer, long version) {
        if ((mandate == null) == (officer == null)) {
            throw new InvalidInputException("mandate", "give either mandate or officer");
        }
        Map<String, List<String>> contacts;
        List<String> mandates;
        if (mandate != null) {
            nodes.requireMandate("mandate", mandate);
            contacts = memory.mandateContacts(mandate);
            mandates = List.of(mandate);
        } else {
            if (officer.isBlank() || officer.length() > 128) {
                throw new InvalidInputException("officer", "must be a user name of 1 to 128 characters");
            }
            contacts = memory.officerContacts(officer);
            mandates = memory.officerMandates(officer);
        }
        Map<String, List<HistoryEntry>> histories = memory.history(contacts.keySet());
        Map<String, LastInteraction> lastContacts = memory.lastContacts(contacts.keySet());
        List<HandoverContact> listed = new ArrayList<>();
        for (ContactSummary c : memory.contactSummaries(contacts.keySet())) {
            listed.add(new HandoverContact(c.id(), c.name(), c.kind(), c.country(), c.region(), c.themes(),
                    c.riskLevel(), c.organisations(), contacts.get(c.id()),
                    lastInteraction(histories.getOrDefault(c.id(), List.of()), lastContacts.get(c.id())),
                    c.responsibleOfficer()));
        }
        listed.sort(Comparator.comparing((HandoverContact c) -> c.lastInteraction() == null ? null : c.lastInteraction().date(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(HandoverContact::id));
        return new Handover(mandate, officer, mandates, Instant.now(), version, List.copyOf(listed), memory.partners(mandates),
                memory.openIntroductions(contacts.keySet(), officer), officer == null ? List.of() : followUps(officer));
    }

    /**
     * The follow-ups still due on the activities an officer is responsible for (the same lists as
     * {@code /api/followups/**}), newest activity first.
     */
    private List<PendingFollowUp> followUps(String officer) {
        List<PendingFollowUp> due = new ArrayList<>(memory.pendingVisitReports(null, null, officer));
        due.addAll(memory.pendingReplies(null, null, officer));
        due.sort(Comparator.comparing((PendingFollowUp f) -> f.activity().date(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(f -> f.activity().id()).thenComparing(f -> f.participant().id()));
        return List.copyOf(due);
    }

    /** The latest dated activity, introduction or tie contact; an activity wins a tie on the same day. */
    static LastInteraction lastInteraction(List<HistoryEntry> entries, LastInteraction lastContact) {
        LastInteraction latest = null;
        for (HistoryEntry e : entries) {
            if (e.date() != null && (latest == null || e.date().isAfter(latest.date()))) {
                latest = new LastInteraction(e.date(), e.kind(), e.record());
            }
        }
        if (lastContact != null && lastContact.date() != null
                && (latest == null || lastContact.date().isAfter(latest.date()))) {
            latest = lastContact;
        }
        return latest;
    }

    private static LocalDate day(HistoryEntry e) {
        if (e.date() != null) {
            return e.date();
        }
        return e.recordedAt() == null ? null : LocalDate.ofInstant(e.recordedAt(), ZoneOffset.UTC);
    }
}
