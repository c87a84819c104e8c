package org.civnet.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.security.AuditLog;
import org.civnet.security.PseudonymIds;
import org.civnet.security.Role;
import org.springframework.stereotype.Service;
import org.civnet.domain.ConflictException;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.TieType;

/** Ties and introductions created one at a time through the API. */
@Service
public class TieService {

    private final NetworkStore store;
    private final DomainRules rules;
    private final AuditLog audit;
    private final RecordPatcher patcher;

    private final PseudonymIds ids;

    public TieService(NetworkStore store, DomainRules rules, AuditLog audit, RecordPatcher patcher,
                      PseudonymIds ids) {
        this.ids = ids;
        this.patcher = patcher;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * Creates a tie, or updates the stored one with only the fields this one names (POST merges;
     * a field left out keeps its stored value). The merged tie is checked as a whole, so an update
     * cannot make it invalid (a lastContact before the stored since). Unknown ends are a 404 naming
     * the id, a misfit type a 400.
     */
    public NetworkStore.MergedTie upsert(Tie tie) {
        List<FieldProblem> problems = new ArrayList<>(rules.check(tie));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, NodeLabel> labels = store.labelsOf(List.of(tie.from(), tie.to()));
        requireExists(labels, tie.from());
        requireExists(labels, tie.to());
        FieldProblem misfit = DomainRules.checkTieEnds(tie, labels.get(tie.from()), labels.get(tie.to()));
        if (misfit != null) {
            throw new InvalidInputException(List.of(misfit));
        }
        store.findTie(tie.type(), tie.from(), tie.to()).ifPresent(stored -> {
            List<FieldProblem> merged = rules.check(mergedInto(stored, tie));
            if (!merged.isEmpty()) {
                throw new InvalidInputException(merged);
            }
        });
        NetworkStore.MergedTie merged = store.mergeTie(tie);
        Tie saved = merged.tie();
        // KNOWS is stored in canonical order; answer in the order the client sent.
        if (!saved.from().equals(tie.from())) {
            saved = new Tie(saved.type(), saved.to(), saved.from(), saved.trust(), saved.since(), saved.lastContact(),
                    saved.role(), saved.activities(), saved.followUp());
        }
        return new NetworkStore.MergedTie(saved, merged.created());
    }

    /** The stored tie with the fields {@code update} names replaced; ends as the update gives them. */
    static Tie mergedInto(Tie stored, Tie update) {
        return new Tie(update.type(), update.from(), update.to(),
                update.trust() != null ? update.trust() : stored.trust(),
                update.since() != null ? update.since() : stored.since(),
                update.lastContact() != null ? update.lastContact() : stored.lastContact(),
                update.role() != null ? update.role() : stored.role(),
                update.activities() != null ? update.activities() : stored.activities(),
                update.followUp() != null ? update.followUp() : stored.followUp());
    }

    /**
     * The ties of one node (its id as {@link PseudonymIds} resolved it); a protected person's real id
     * answers {@code role} without clearance as an unknown id does.
     */
    public List<Tie> tiesOf(String id, Role role) {
        requireExists(ids.hiddenFrom(role, id) ? Map.of() : store.labelsOf(List.of(id)), id);
        return store.tiesOf(id);
    }

    public void delete(TieType type, String from, String to) {
        if (!store.deleteTie(type, from, to)) {
            throw new NotFoundException(type + " tie", from + " - " + to);
        }
        audit.record(AuditLog.Action.DELETE, from + " - " + to, type + " tie");
    }

    /** Records a new introduction; an id that is already used is a conflict. */
    public Introduction create(Introduction introduction) {
        if (introduction.id() != null && store.findIntroduction(introduction.id()).isPresent()) {
            throw new ConflictException("introduction '" + introduction.id() + "' already exists");
        }
        return upsert(introduction);
    }

    public Introduction upsert(Introduction introduction) {
        Introduction normalised = introduction.normalised();
        List<FieldProblem> problems = new ArrayList<>(rules.check(normalised));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, NodeLabel> labels = store.labelsOf(List.of(normalised.introducer(), normalised.introduced(),
                normalised.recipient()));
        Introduction stored = normalised.id() == null ? null : store.findIntroduction(normalised.id()).orElse(null);
        requireExists(labels, "introducer", normalised.introducer(), stored == null ? null : stored.introducer());
        requireExists(labels, "introduced", normalised.introduced(), stored == null ? null : stored.introduced());
        requireExists(labels, "recipient", normalised.recipient(), stored == null ? null : stored.recipient());
        FieldProblem problem = DomainRules.checkIntroductionEnds(normalised, labels::get);
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        store.upsertIntroductions(List.of(normalised));
        return getIntroduction(normalised.id());
    }

    /**
     * Changes only the fields a JSON Merge Patch names (say, the status to MADE): the note and every
     * other field are kept. Moving to MADE creates or strengthens the tie, as a PUT does.
     */
    public Introduction patchIntroduction(String id, com.fasterxml.jackson.databind.JsonNode patch) {
        Introduction patched = patcher.patched(getIntroduction(id), patch, Introduction.class);
        if (patched.id() != null && !patched.id().equals(id)) {
            throw new InvalidInputException("id", "'" + patched.id() + "' differs from the id in the path '" + id + "'");
        }
        // The path names the introduction: a patch that removes the id must not make a new one.
        return upsert(new Introduction(id, patched.introducer(), patched.introduced(), patched.recipient(),
                patched.status(), patched.date(), patched.note(), patched.responsibleOfficer()));
    }

    public Introduction getIntroduction(String id) {
        return store.findIntroduction(id).orElseThrow(() -> new NotFoundException("Introduction", id));
    }

    /** A tie's end or a node asked for must exist (an erased person's tombstone is no node). */
    private static void requireExists(Map<String, NodeLabel> labels, String id) {
        if (!labels.containsKey(id)) {
            throw new NotFoundException("node", id);
        }
    }

    /**
     * The party must exist, or be the erased person's tombstone this introduction already had in that
     * place (its status can still change). A tombstone never enters an introduction anew: the person
     * is gone, and no one may be asked to introduce them or be introduced to them.
     */
    private static void requireExists(Map<String, NodeLabel> labels, String field, String id, String storedParty) {
        if (labels.containsKey(id)) {
            return;
        }
        if (org.civnet.domain.Erased.isTombstone(id)) {
            if (id.equals(storedParty)) {
                return;
            }
            throw new InvalidInputException(field, "names an erased person: only an introduction that already named them keeps them");
        }
        throw new NotFoundException("node", id);
    }
}
