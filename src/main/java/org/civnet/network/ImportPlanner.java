package org.civnet.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.civnet.network.ImportPlan.AcceptedTies;
import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.network.ImportRow.IntroductionRow;
import org.civnet.network.ImportRow.NodeRow;
import org.civnet.network.ImportRow.TieRow;
import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.domain.Ids;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;

/**
 * Checks the rows of one import as they are read and decides what it writes ({@link ImportPlan}):
 * pure, with no driver and no Spring; what the store holds comes through {@link StoredIds}.
 *
 * <p>Every row meets the rules the API applies (field rules, unique ids across kinds); a node id
 * used twice keeps its first row; ties and introductions join nodes accepted in the same input or
 * stored; communications and country visits name mandates accepted in the same input or stored.
 *
 * <p>Memory: a row refused by its own fields is counted and dropped as it is read, and so is a node
 * row refused for its id. What stays is what the later checks need: the id of each accepted node
 * (with its kind and whether it was stored), and the rows that can only be judged once the whole
 * input is read, because what they name may come later in it: ties, introductions, and activities
 * naming mandates. Accepted records are kept for the writer, unless the plan is a dry run.
 */
final class ImportPlanner {

    /** Rows checked together: field rules on all cores, and one store look-up for their ids. */
    static final int CHUNK = 4096;
    /** Ids per store look-up when the deferred rows are judged. */
    static final int LOOKUP = 10_000;

    /** The field rules of one record (DomainRules#check): everything wrong with it, empty when none. */
    interface FieldRules {
        List<FieldProblem> check(Object record);
    }

    /** Who first used an id in this input, and, once accepted, as what and whether the store held it. */
    private record IdClaim(String file, long row, NodeLabel acceptedAs, boolean stored) {
        String where() {
            return file + " row " + row;
        }
    }

    /** A communication or visit whose mandates are judged once every mandate row is read. */
    private record PendingActivity(NodeRow<?> row, Object record, String id, boolean stored) {
    }

    private record TieKey(TieType type, String from, String to) {
    }

    private final FieldRules rules;
    private final StoredIds stored;
    private final boolean keepRecords;
    private final ImportPlan plan = ImportPlan.empty();
    private final List<ImportRow> chunk = new ArrayList<>(CHUNK);
    private final Map<String, IdClaim> claims = new HashMap<>();
    private final List<PendingActivity> activities = new ArrayList<>();
    private final List<TieRow> ties = new ArrayList<>();
    private final List<IntroductionRow> introductions = new ArrayList<>();
    private boolean planned;

    /** @param keepRecords false for a dry run: the plan then counts accepted rows without holding them */
    ImportPlanner(FieldRules rules, StoredIds stored, boolean keepRecords) {
        this.rules = rules;
        this.stored = stored;
        this.keepRecords = keepRecords;
    }

    /** The plan for a list of rows (tests, and records already in memory). */
    static ImportPlan check(Collection<? extends ImportRow> rows, FieldRules rules, StoredIds stored) {
        ImportPlanner planner = new ImportPlanner(rules, stored, true);
        rows.forEach(planner::add);
        return planner.plan();
    }

    void add(ImportRow row) {
        requireOpen();
        count(plan.received(), row.section());
        // An introduction's missing id is generated first, as the API does, so the id rules see the one stored.
        chunk.add(row instanceof IntroductionRow i ? new IntroductionRow(i.file(), i.number(),
                i.record().normalised()) : row);
        if (chunk.size() == CHUNK) {
            checkChunk();
        }
    }

    /** A row that could not be read as its section's record: refused as it is. */
    void refuseUnreadable(String section, RejectedRow rejected) {
        requireOpen();
        count(plan.received(), section);
        plan.rejections().add(rejected);
    }

    /** Judges the rows held back until the whole input was read, and hands over the plan. */
    ImportPlan plan() {
        requireOpen();
        checkChunk();
        planned = true;
        checkActivityMandates();
        checkTies();
        checkIntroductions();
        return plan;
    }

    private void requireOpen() {
        if (planned) {
            throw new IllegalStateException("the plan was already made");
        }
    }

    // ---- rows as they are read -----------------------------------------------------------------

    private void checkChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        // Rows are independent here, so their field rules run on all cores (bean validation of a
        // million ties is several seconds on one).
        List<List<FieldProblem>> problems = chunk.parallelStream().map(row -> rules.check(row.record())).toList();
        Set<String> nodeIds = new HashSet<>();
        for (int r = 0; r < chunk.size(); r++) {
            if (problems.get(r).isEmpty() && chunk.get(r) instanceof NodeRow<?> node) {
                String id = node.reportedId();
                if (id != null && !id.isBlank()) {
                    nodeIds.add(id);
                }
            }
        }
        Map<String, NodeLabel> storedLabels = nodeIds.isEmpty() ? Map.of() : stored.labelsOf(nodeIds);
        for (int r = 0; r < chunk.size(); r++) {
            ImportRow row = chunk.get(r);
            if (!problems.get(r).isEmpty()) {
                refuse(row, row.reportedId(), problems.get(r));
            } else if (row instanceof NodeRow<?> node) {
                checkNode(node, storedLabels);
            } else if (row instanceof TieRow tie) {
                ties.add(tie);
            } else if (row instanceof IntroductionRow introduction) {
                introductions.add(introduction);
            }
        }
        chunk.clear();
    }

    private <T> void checkNode(NodeRow<T> row, Map<String, NodeLabel> storedLabels) {
        NodeKind<T> kind = row.kind();
        T record = kind.normalise(row.record());
        String id = kind.idOf().apply(record);
        IdClaim earlier = claims.get(id);
        NodeLabel storedLabel = storedLabels.get(id);
        if (earlier != null) {
            refuse(row, id, List.of(new FieldProblem("id", "'" + id + "' repeats " + earlier.where())));
        } else if (storedLabel != null && storedLabel != kind.label()) {
            refuse(row, id, List.of(new FieldProblem("id", "'" + id + "' is already used by a " + storedLabel)));
        } else if (!Activities.mandatesNamedBy(record).isEmpty()) {
            claims.put(id, new IdClaim(row.file(), row.number(), null, storedLabel != null));
            activities.add(new PendingActivity(row, record, id, storedLabel != null));
        } else {
            acceptNode(row, record, id, storedLabel != null);
        }
    }

    private void acceptNode(NodeRow<?> row, Object record, String id, boolean wasStored) {
        claims.put(id, new IdClaim(row.file(), row.number(), row.kind().label(), wasStored));
        count(plan.accepted(), row.section());
        if (keepRecords) {
            plan.nodesOf(row.kind()).add(record, wasStored);
        }
    }

    // ---- rows judged once the input is read ----------------------------------------------------

    private void checkActivityMandates() {
        for (int from = 0; from < activities.size(); from += LOOKUP) {
            List<PendingActivity> part = activities.subList(from, Math.min(activities.size(), from + LOOKUP));
            Function<String, NodeLabel> labelOf = labels(part.stream()
                    .flatMap(a -> Activities.mandatesNamedBy(a.record()).stream()).toList());
            for (PendingActivity activity : part) {
                FieldProblem mandates = DomainRules.checkActivityMandates(activity.record(), labelOf);
                if (mandates == null) {
                    acceptNode(activity.row(), activity.record(), activity.id(), activity.stored());
                } else {
                    refuse(activity.row(), activity.id(), List.of(mandates));
                }
            }
        }
        activities.clear();
    }

    private void checkTies() {
        Map<TieKey, TieRow> seen = new HashMap<>();
        for (int from = 0; from < ties.size(); from += LOOKUP) {
            List<TieRow> part = ties.subList(from, Math.min(ties.size(), from + LOOKUP));
            Function<String, NodeLabel> labelOf = labels(part.stream()
                    .flatMap(t -> Stream.of(t.record().from(), t.record().to())).toList());
            for (TieRow row : part) {
                Tie tie = row.record();
                FieldProblem ends = DomainRules.checkTieEnds(tie, labelOf.apply(tie.from()), labelOf.apply(tie.to()));
                if (ends != null) {
                    refuse(row, row.reportedId(), List.of(ends));
                    continue;
                }
                Tie canonical = tie.canonical();
                TieRow earlier = seen.putIfAbsent(new TieKey(canonical.type(), canonical.from(), canonical.to()), row);
                if (earlier != null) {
                    refuse(row, row.reportedId(), List.of(new FieldProblem("to", "the same " + tie.type() + " tie repeats "
                            + earlier.file() + " row " + earlier.number())));
                    continue;
                }
                count(plan.accepted(), row.section());
                if (keepRecords) {
                    AcceptedTies accepted = plan.ties().computeIfAbsent(tie.type(), AcceptedTies::new);
                    (isNewHere(tie.from()) || isNewHere(tie.to()) ? accepted.touchingNew() : accepted.others()).add(tie);
                }
            }
        }
        ties.clear();
    }

    private void checkIntroductions() {
        for (int from = 0; from < introductions.size(); from += LOOKUP) {
            List<IntroductionRow> part = introductions.subList(from, Math.min(introductions.size(), from + LOOKUP));
            Function<String, NodeLabel> labelOf = labels(part.stream().flatMap(row -> Stream.of(
                    row.record().introducer(), row.record().introduced(), row.record().recipient())).toList());
            for (IntroductionRow row : part) {
                Introduction introduction = row.record();
                IdClaim earlier = claims.get(introduction.id());
                FieldProblem problem = earlier != null
                        ? new FieldProblem("id", "'" + introduction.id() + "' repeats " + earlier.where())
                        : DomainRules.checkIntroductionEnds(introduction, labelOf);
                if (problem != null) {
                    refuse(row, introduction.id(), List.of(problem));
                    continue;
                }
                claims.put(introduction.id(), new IdClaim(row.file(), row.number(), NodeLabel.Introduction, false));
                count(plan.accepted(), row.section());
                if (keepRecords) {
                    plan.introductions().add(introduction);
                }
            }
        }
        introductions.clear();
    }

    /**
     * The kind of each id as the checks see it: a node accepted in this input, else what the store
     * holds (one look-up for the ids not accepted here), else null.
     */
    private Function<String, NodeLabel> labels(List<String> ids) {
        Set<String> notAcceptedHere = new HashSet<>();
        for (String id : ids) {
            if (id != null && acceptedAs(id) == null) {
                notAcceptedHere.add(id);
            }
        }
        Map<String, NodeLabel> storedLabels = notAcceptedHere.isEmpty() ? Map.of() : stored.labelsOf(notAcceptedHere);
        return id -> {
            if (id == null) {
                return null;
            }
            NodeLabel here = acceptedAs(id);
            return here != null ? here : storedLabels.get(id);
        };
    }

    private NodeLabel acceptedAs(String id) {
        IdClaim claim = claims.get(id);
        return claim == null ? null : claim.acceptedAs();
    }

    /** True when {@code id} is a node this import creates (accepted here, absent from the store before). */
    private boolean isNewHere(String id) {
        IdClaim claim = claims.get(id);
        return claim != null && claim.acceptedAs() != null && !claim.stored();
    }

    // ---- refusals ------------------------------------------------------------------------------

    private void refuse(ImportRow row, String id, List<FieldProblem> problems) {
        plan.rejections().add(new RejectedRow(row.file(), row.number(), id, Rejections.reasonOf(problems), problems));
    }

    private static void count(Map<String, Long> counts, String section) {
        counts.merge(section, 1L, Long::sum);
    }
}
