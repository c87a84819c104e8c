package org.civnet.network;

import java.util.List;
import java.util.Map;

import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.network.NetworkStore.NodeFilter;
import org.civnet.network.NetworkStore.Page;
import org.civnet.security.AuditLog;
import org.civnet.security.PseudonymIds;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.springframework.stereotype.Service;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;

/** Create, read, update, delete for any node kind, with the domain rules applied. */
@Service
public class NodeService {

    private final NetworkStore store;
    private final DomainRules rules;
    private final AuditLog audit;
    private final Redactor redactor;
    private final RecordPatcher patcher;
    private final ConsentRules consentRules;

    private final PseudonymIds ids;

    public NodeService(NetworkStore store, DomainRules rules, AuditLog audit, Redactor redactor, RecordPatcher patcher,
                       PseudonymIds ids, ConsentRules consentRules) {
        this.consentRules = consentRules;
        this.ids = ids;
        this.patcher = patcher;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.redactor = redactor;
    }

    public <T> T create(NodeKind<T> kind, T record) {
        record = withConsentResolved(record);
        requireValid(record);
        requireMandatesExist(record);
        return store.create(kind, kind.normalise(record));
    }

    public <T> T get(NodeKind<T> kind, String id) {
        return store.find(kind, id).orElseThrow(() -> new NotFoundException(kind.label().name(), id));
    }

    /**
     * One node as {@code role} may ask for it (the id as {@link PseudonymIds} resolved it): a protected
     * person's real id answers as an unknown id does.
     */
    public <T> T get(NodeKind<T> kind, String id, Role role) {
        if (ids.hiddenFrom(role, id)) {
            throw new NotFoundException(kind.label().name(), id);
        }
        return get(kind, id);
    }

    /** Replaces the record; an id in the body must match the path. */
    public <T> T replace(NodeKind<T> kind, String id, T record) {
        record = withConsentResolved(record);
        requireValid(record);
        String bodyId = kind.idOf().apply(record);
        if (bodyId != null && !bodyId.isBlank() && !bodyId.equals(id)) {
            throw new InvalidInputException("id", "'" + bodyId + "' differs from the id in the path '" + id + "'");
        }
        requireMandatesExist(record);
        return store.update(kind, id, kind.normaliser().apply(record, id));
    }

    /** Changes only the fields a JSON Merge Patch names, then checks and stores the whole record as {@link #replace}. */
    public <T> T patch(NodeKind<T> kind, String id, com.fasterxml.jackson.databind.JsonNode patch) {
        T current = get(kind, id);
        if (current instanceof Contact contact) {
            patch = consentRules.translate(patch, contact);
        }
        return replace(kind, id, patcher.patched(current, patch, kind.type()));
    }

    /** A contact's yes/no consent as a record ({@link ConsentRules}); other records as they are. */
    private <T> T withConsentResolved(T record) {
        @SuppressWarnings("unchecked")
        T resolved = record instanceof Contact contact ? (T) consentRules.resolve(contact) : record;
        return resolved;
    }

    /**
     * Deletes a node and its ties (a contact: and the introductions it took part in); audited, since
     * what is deleted is gone from the record.
     */
    public NetworkStore.Deleted delete(NodeKind<?> kind, String id) {
        NetworkStore.Deleted deleted = store.delete(kind, id);
        audit.record(AuditLog.Action.DELETE, id, kind.label() + " and " + deleted.ties() + " ties"
                + (deleted.introductions() > 0 ? " and " + deleted.introductions() + " introductions" : ""));
        return deleted;
    }

    /**
     * A page of nodes. For roles without clearance a search by name or country never matches a
     * protected person (the pseudonym shown for a match would tie it to the name searched for), a
     * search by name never matches a node whose name is withheld free text (a training's title), and
     * the page is ordered by the ids the role sees (pseudonyms in place of protected ids).
     */
    public <T> Page<T> list(NodeKind<T> kind, NodeFilter filter, int page, int size, Role role) {
        if (Role.cleared(role)) {
            return store.list(kind, filter, page, size);
        }
        boolean searched = filter.q() != null && !filter.q().isBlank();
        if (searched && kind.label() == NodeLabel.Training) {
            return new Page<>(List.of(), page, size, 0);
        }
        boolean revealing = searched || filter.country() != null;
        Map<String, String> shown = new java.util.HashMap<>();
        redactor.protectedIds().forEach(id -> shown.put(id, redactor.pseudonym(id)));
        return store.list(kind, new NodeFilter(filter.region(), filter.country(), filter.theme(), filter.q(),
                revealing ? redactor.protectedIds() : java.util.Set.of(), shown), page, size);
    }

    /** {@code id} must be a stored Mandate: 404 when unknown, 400 naming {@code field} when another kind. */
    public void requireMandate(String field, String id) {
        NodeLabel label = store.labelsOf(List.of(id)).get(id);
        if (label == null) {
            throw new NotFoundException("Mandate", id);
        }
        if (label != NodeLabel.Mandate) {
            throw new InvalidInputException(field, "'" + id + "' is a " + label + ", not a Mandate");
        }
    }

    /**
     * An activity may only name stored mandates: an unknown id is a 404 naming the field and the id
     * (as a tie to an unknown node is), another kind of node a 400; either way nothing is written.
     */
    private void requireMandatesExist(Object record) {
        List<String> named = Activities.mandatesNamedBy(record);
        if (named.isEmpty()) {
            return;
        }
        Map<String, NodeLabel> labels = store.labelsOf(named);
        for (String id : named) {
            if (!labels.containsKey(id)) {
                throw new NotFoundException(Activities.mandateField(record), "mandate", id);
            }
        }
        FieldProblem misfit = DomainRules.checkActivityMandates(record, labels::get);
        if (misfit != null) {
            throw new InvalidInputException(List.of(misfit));
        }
    }

    private void requireValid(Object record) {
        List<FieldProblem> problems = rules.check(record);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
