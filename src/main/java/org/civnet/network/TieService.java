package org.civnet.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civnet.network.InvalidInputException.FieldProblem;
import org.civnet.security.AuditLog;
import org.springframework.stereotype.Service;

/** Ties and introductions created one at a time through the API. */
@Service
public class TieService {

    private final NetworkStore store;
    private final DomainRules rules;
    private final AuditLog audit;

    public TieService(NetworkStore store, DomainRules rules, AuditLog audit) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
    }

    /** Creates or updates a tie; unknown ends are a 404 naming the id, a misfit type a 400. */
    public Tie upsert(Tie tie) {
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
        store.upsertTies(tie.type(), List.of(tie));
        return tie;
    }

    public List<Tie> tiesOf(String id) {
        requireExists(store.labelsOf(List.of(id)), id);
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
        Introduction normalised = NetworkImporter.normaliseIntroduction(introduction);
        List<FieldProblem> problems = new ArrayList<>(rules.check(normalised));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, NodeLabel> labels = store.labelsOf(List.of(normalised.introducer(), normalised.introduced(),
                normalised.recipient()));
        requireExists(labels, normalised.introducer());
        requireExists(labels, normalised.introduced());
        requireExists(labels, normalised.recipient());
        FieldProblem problem = DomainRules.checkIntroductionEnds(normalised, labels::get);
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        store.upsertIntroductions(List.of(normalised));
        return getIntroduction(normalised.id());
    }

    public Introduction getIntroduction(String id) {
        return store.findIntroduction(id).orElseThrow(() -> new NotFoundException("Introduction", id));
    }

    private static void requireExists(Map<String, NodeLabel> labels, String id) {
        if (!labels.containsKey(id)) {
            throw new NotFoundException("node", id);
        }
    }
}
