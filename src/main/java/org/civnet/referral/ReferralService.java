package org.civnet.referral;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

import org.civnet.config.CivnetProperties;
import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.ContactKind;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Purpose;
import org.civnet.domain.Region;
import org.civnet.domain.TieType;
import org.civnet.referral.paths.Reachability;
import org.civnet.referral.paths.ReferralGraph;
import org.civnet.referral.paths.ReferralPath;
import org.civnet.referral.paths.ReferralSearch;
import org.civnet.referral.paths.ReferralWeights;
import org.civnet.referral.paths.TieCost;
import org.civnet.referral.paths.UnreachableReason;
import org.civnet.snapshot.ResultCache;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;

/**
 * Referral paths: the best chains of introductions from an actor (an officer's own contact, or a
 * mandate) to a person or to new contacts matching a target, never through someone who has not
 * consented to make introductions, and never through an at-risk person unless an officer asks
 * for it (and then they are marked).
 *
 * <p>The graph searched: contacts, organisations and mandates joined by KNOWS, AFFILIATED_WITH and
 * PARTNERS_WITH. Organisations may be intermediaries (a shared affiliation is an introduction
 * channel, weaker than KNOWS); mandates and networks never are.
 */
@Service
public class ReferralService {

    static final Set<NodeLabel> NODES = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate);
    static final Set<TieType> TIES = EnumSet.of(TieType.KNOWS, TieType.AFFILIATED_WITH, TieType.PARTNERS_WITH);

    /**
     * Options of one query. {@code hidden}: ids the caller may not find by an attribute withheld from
     * them (a target's country): the protected people, for roles without clearance. {@code unnameable}:
     * ids the caller may not name ({@code from}, {@code to}: they answer as unknown ids): the same
     * people, except those this request named by pseudonym ({@code security/PseudonymIds}).
     */
    public record Options(int k, int maxHops, Integer minTrust, LocalDate since, Set<String> exclude, boolean allowAtRisk,
                          boolean disjoint, Set<String> hidden, Set<String> unnameable, LocalDate on, Purpose purpose) {
        public Options(int k, int maxHops, Integer minTrust, LocalDate since, Set<String> exclude, boolean allowAtRisk,
                       boolean disjoint) {
            this(k, maxHops, minTrust, since, exclude, allowAtRisk, disjoint, Set.of(), Set.of());
        }

        public Options(int k, int maxHops, Integer minTrust, LocalDate since, Set<String> exclude, boolean allowAtRisk,
                       boolean disjoint, Set<String> hidden, Set<String> unnameable) {
            this(k, maxHops, minTrust, since, exclude, allowAtRisk, disjoint, hidden, unnameable, null, null);
        }

        /** The day whose consents count: {@code on}, else today. */
        public LocalDate day() {
            return on != null ? on : LocalDate.now();
        }
    }

    /** What a target query looks for; null fields match anything. */
    public record Target(Region region, String country, String theme, OrganisationType orgType, ContactKind kind) {
        boolean isEmpty() {
            return region == null && country == null && theme == null && orgType == null && kind == null;
        }
    }

    public record Hop(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, Integer trust, @Sensitivity(SAFE) String lastContact, @Sensitivity(SAFE) String via) {
    }

    /**
     * A path; {@code consents}: each contact intermediary's consent to introduce, whose dates show it is
     * current on the day asked about.
     */
    public record Path(@Sensitivity(SAFE) String target, @org.civnet.domain.OrderedIds @Sensitivity(SAFE) List<String> nodes, List<Hop> hops, double score, double cost, @Sensitivity(SAFE) String firstAsk,
                       @Sensitivity(SAFE) List<String> atRiskIntermediaries, @Sensitivity(FREE_TEXT) String explanation,
                       List<ReferralConsent.IntermediaryConsent> consents) {
    }

    public record Unreachable(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String reason) {
    }

    /**
     * Who an answer names, so a page shows names without a request per id: each contact, organisation
     * or mandate of its paths and unreachable list, with its kind (contact kind, organisation type,
     * mandate kind), country and, for a contact, the organisations she is affiliated with.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReferralPerson")
    public record Person(@Sensitivity(SAFE) String id, NodeLabel label, @Sensitivity(NAME) String name,
                         @Sensitivity(SAFE) String kind, @Sensitivity(IDENTIFYING) String country,
                         @Sensitivity(IDENTIFYING) List<String> organisations) {
    }

    /** An answer; {@code on}: the day whose consents count; {@code purpose}: the purpose stated, if any. */
    public record Result(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, @Sensitivity(SAFE) String target, @Sensitivity(SAFE) String weights, long graphVersion, List<Path> paths,
                         List<Unreachable> unreachable, int unreachableCount, List<Person> people, LocalDate on,
                         Purpose purpose) {
    }

    public record FirstAsk(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, int targets, int newTargets) {
    }

    public record Coverage(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String target, int maxHops, int targets, List<Integer> reachableAtHops,
                           @Sensitivity(SAFE) java.util.Map<Integer, Integer> reachableWithin, List<FirstAsk> firstAsks,
                           List<Unreachable> unreachable, int unreachableCount) {
    }

    /** A snapshot's search structures, built once per snapshot. */
    private record Prepared(NetworkSnapshot snapshot, ReferralGraph graph) {

        /** The searches of one request, under its do-no-harm rule and hop limit. */
        ReferralSearch search(Options options) {
            return new ReferralSearch(graph, mayIntermediate(snapshot, options.allowAtRisk(),
                    excluded(snapshot, options.exclude()), options.day().toEpochDay()), options.maxHops());
        }
    }

    private final SnapshotCache snapshots;
    private final ResultCache results;
    private final CivnetProperties.Referral limits;
    private final ReferralWeights weights;

    public ReferralService(SnapshotCache snapshots, ResultCache results, CivnetProperties properties) {
        this.snapshots = snapshots;
        this.results = results;
        this.limits = properties.referral();
        this.weights = new ReferralWeights(limits.hopCost(), limits.trustWeight(), limits.recencyWeight(),
                limits.recencyHalfLifeDays(), limits.organisationTiePenalty());
        // A referral scope brought forward after a write gets its search graph (tie costs) built there too.
        snapshots.onRefreshedAhead(snapshot -> {
            if (isReferralScope(snapshot.scope())) {
                prepared(snapshot);
            }
        });
    }

    private static boolean isReferralScope(AnalysisScope scope) {
        return scope.equals(scope(scope.minTrust(), scope.since()));
    }

    String weightsFormula() {
        return String.format(Locale.ROOT, "tie cost = (%.2f + %.2f*(5-trust)/4 + %.2f*(1-2^(-days since last contact/%.0f)))"
                        + " x %.2f for ties through an organisation; score = 1/(1+sum of tie costs); unknown trust counts as 3,"
                        + " unknown last contact as stale", weights.hopCost(), weights.trustWeight(), weights.recencyWeight(),
                weights.recencyHalfLifeDays(), 1 + weights.organisationTiePenalty());
    }

    public void validate(Options options) {
        if (options.k() < 1 || options.k() > limits.maxK()) {
            throw new InvalidInputException("k", "must be between 1 and " + limits.maxK());
        }
        if (options.maxHops() < 1 || options.maxHops() > limits.maxHops()) {
            throw new InvalidInputException("maxHops", "must be between 1 and " + limits.maxHops());
        }
        if (options.minTrust() != null && (options.minTrust() < 1 || options.minTrust() > 5)) {
            throw new InvalidInputException("minTrust", "must be between 1 and 5");
        }
    }

    /** The graph referral queries search: contacts, organisations and mandates, three tie types. */
    public static AnalysisScope scope(Integer minTrust, LocalDate since) {
        return new AnalysisScope(NODES, TIES, minTrust, since, null, null);
    }

    /**
     * Each edge's cost for the path search ({@link TieCost}: trust, recency of the last contact or
     * else of {@code since}, weaker through an organisation). Also used by the benchmark, so it
     * measures the service's own costs.
     */
    public static double[] tieCosts(NetworkSnapshot snapshot, ReferralWeights weights, long todayEpochDay) {
        int m = snapshot.graph().edgeCount();
        int[] trust = new int[m];
        int[] last = new int[m];
        boolean[] weak = new boolean[m];
        for (int e = 0; e < m; e++) {
            trust[e] = snapshot.edgeTrust(e);
            int day = snapshot.edgeLastContact(e) != GraphData.NO_DATE ? snapshot.edgeLastContact(e) : snapshot.edgeSince(e);
            last[e] = day == GraphData.NO_DATE ? TieCost.UNKNOWN_DATE : day;
            weak[e] = snapshot.edgeType(e) != TieType.KNOWS;
        }
        return TieCost.costs(weights, trust, last, weak, todayEpochDay);
    }

    /** {@link #mayIntermediate(NetworkSnapshot, boolean, Set, long)} with today's consents. */
    public static IntPredicate mayIntermediate(NetworkSnapshot s, boolean allowAtRisk, Set<Integer> excluded) {
        return mayIntermediate(s, allowAtRisk, excluded, LocalDate.now().toEpochDay());
    }

    /**
     * The do-no-harm rule, who may be an intermediary: organisations (a shared affiliation), contacts
     * whose consent to introduce is current on {@code epochDay} (given on or before it, valid through
     * it, not withdrawn) and who are not at risk (at risk too when {@code allowAtRisk}), never
     * mandates or networks, never anyone in {@code excluded}.
     */
    public static IntPredicate mayIntermediate(NetworkSnapshot s, boolean allowAtRisk, Set<Integer> excluded,
                                               long epochDay) {
        return v -> {
            if (excluded.contains(v)) {
                return false;
            }
            return switch (s.label(v)) {
                case Organisation -> true;
                case Contact -> s.consents(v, ConsentPurpose.INTRODUCE, epochDay) && (allowAtRisk || !s.atRisk(v));
                default -> false;
            };
        };
    }

    private Prepared prepare(Options options) {
        AnalysisScope scope = scope(options.minTrust(), options.since());
        return prepared(snapshots.get(scope).snapshot());
    }

    private Prepared prepared(NetworkSnapshot snapshot) {
        long today = LocalDate.now().toEpochDay();
        return results.get(List.of("referral", snapshot.graphVersion(), snapshot.scope(), today), () -> new Prepared(snapshot,
                new ReferralGraph(snapshot.graph(), tieCosts(snapshot, weights, today))));
    }

    private static int vertex(NetworkSnapshot s, String field, String id, Options options) {
        int v = s.indexOf(id);
        if (v < 0 || options.unnameable().contains(id)) {
            throw new NotFoundException("contact, organisation or mandate", id);
        }
        return v;
    }

    private static Set<Integer> excluded(NetworkSnapshot s, Set<String> ids) {
        Set<Integer> out = new HashSet<>();
        for (String id : ids) {
            int v = s.indexOf(id);
            if (v >= 0) {
                out.add(v);
            }
        }
        return out;
    }

    /** Up to k ranked paths from one actor to one person. */
    public Result toPerson(String fromId, String toId, Options options) {
        validate(options);
        Prepared p = prepare(options);
        NetworkSnapshot s = p.snapshot();
        int from = vertex(s, "from", fromId, options);
        int to = vertex(s, "to", toId, options);
        if (from == to) {
            throw new InvalidInputException("to", "is the same as from");
        }
        ReferralSearch search = p.search(options);
        boolean consented = ReferralConsent.targetConsents(s, to, options);
        List<ReferralPath> found = consented ? search.kShortest(from, to, options.k(), options.disjoint()) : List.of();
        List<Path> paths = found.stream().map(path -> describe(s, path, options)).toList();
        List<Unreachable> unreachable = !consented ? List.of(new Unreachable(toId, ReferralConsent.notConsented(options)))
                : paths.isEmpty() ? List.of(new Unreachable(toId, reason(search.why(from, to), options)))
                : List.of();
        return new Result(fromId, toId, null, weightsFormula(), s.graphVersion(), paths, unreachable, unreachable.size(),
                people(s, fromId, toId, paths, unreachable), options.day(), options.purpose());
    }

    /** The best new contacts matching a target, each with up to k paths. */
    public Result toTarget(String fromId, Target target, int limit, Options options) {
        validate(options);
        if (target.isEmpty()) {
            throw new InvalidInputException("to", "name a person (to) or a target (region, country, theme, orgType, kind)");
        }
        if (limit < 1 || limit > limits.maxTargets()) {
            throw new InvalidInputException("limit", "must be between 1 and " + limits.maxTargets());
        }
        Prepared p = prepare(options);
        NetworkSnapshot s = p.snapshot();
        int from = vertex(s, "from", fromId, options);
        ReferralSearch search = p.search(options);
        IntPredicate isTarget = targetPredicate(s, target, from, options.hidden())
                .and(v -> ReferralConsent.targetConsents(s, v, options));
        List<Path> paths = new ArrayList<>();
        for (ReferralPath best : search.bestToAll(from).bestMatching(isTarget, limit, true)) {
            List<ReferralPath> alternatives = options.k() == 1 && !options.disjoint() ? List.of(best)
                    : search.kShortest(from, best.target(), options.k(), options.disjoint());
            alternatives.forEach(path -> paths.add(describe(s, path, options)));
        }
        Reachability reach = search.reachability(from, isTarget, options.maxHops());
        List<Unreachable> unreachable = reach.unreachable().stream().limit(50)
                .map(u -> new Unreachable(s.id(u.target()), reason(u.reason(), options))).toList();
        return new Result(fromId, null, describe(target), weightsFormula(), s.graphVersion(), paths, unreachable,
                reach.unreachable().size(), people(s, fromId, null, paths, unreachable), options.day(), options.purpose());
    }

    /** How many contacts in the target are reachable within 1, 2, … hops, and the best first asks. */
    public Coverage coverage(String fromId, Target target, Options options) {
        validate(options);
        if (target.isEmpty()) {
            throw new InvalidInputException("region", "name a target (region, country, theme, orgType, kind)");
        }
        Prepared p = prepare(options);
        NetworkSnapshot s = p.snapshot();
        int from = vertex(s, "from", fromId, options);
        ReferralSearch search = p.search(options);
        IntPredicate isTarget = targetPredicate(s, target, from, options.hidden())
                .and(v -> ReferralConsent.targetConsents(s, v, options));
        Reachability reach = search.reachability(from, isTarget, options.maxHops());
        java.util.Map<Integer, Integer> within = new java.util.TreeMap<>();
        for (int h = 1; h < reach.reachableWithinHops().size(); h++) {
            within.put(h, reach.reachableWithinHops().get(h));
        }
        List<FirstAsk> asks = reach.firstAsks().stream().limit(20)
                .map(a -> new FirstAsk(s.id(a.neighbour()), s.name(a.neighbour()), a.targetCount(), a.newTargets()))
                .toList();
        List<Unreachable> unreachable = reach.unreachable().stream().limit(50)
                .map(u -> new Unreachable(s.id(u.target()), reason(u.reason(), options))).toList();
        return new Coverage(fromId, describe(target), options.maxHops(), reach.targetCount(), reach.reachableAtHops(),
                within, asks, unreachable, reach.unreachable().size());
    }

    /** Each node the answer names, once, in the order first named. */
    private static List<Person> people(NetworkSnapshot s, String from, String to, List<Path> paths, List<Unreachable> unreachable) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        ids.add(from);
        if (to != null) {
            ids.add(to);
        }
        paths.forEach(p -> ids.addAll(p.nodes()));
        unreachable.forEach(u -> ids.add(u.id()));
        List<Person> out = new ArrayList<>();
        for (String id : ids) {
            int v = s.indexOf(id);
            if (v >= 0) {
                out.add(new Person(id, s.label(v), s.name(v), s.subtype(v), s.country(v), affiliations(s, v)));
            }
        }
        return out;
    }

    /** The organisations a contact is affiliated with, by name (none for other kinds). */
    private static List<String> affiliations(NetworkSnapshot s, int v) {
        if (s.label(v) != NodeLabel.Contact) {
            return List.of();
        }
        var g = s.graph();
        List<String> names = new ArrayList<>();
        for (int slot = g.offset(v); slot < g.offsetEnd(v) && names.size() < 5; slot++) {
            int u = g.target(slot);
            if (s.label(u) == NodeLabel.Organisation && s.edgeType(g.edgeId(slot)) == TieType.AFFILIATED_WITH) {
                names.add(s.name(u));
            }
        }
        return names;
    }

    private static IntPredicate targetPredicate(NetworkSnapshot s, Target t, int from, Set<String> hidden) {
        return v -> {
            if (v == from) {
                return false;
            }
            if (t.country() != null && hidden.contains(s.id(v))) {
                return false; // a country withheld from the caller selects nothing
            }
            NodeLabel label = s.label(v);
            if (t.orgType() != null) {
                if (label != NodeLabel.Organisation || !t.orgType().name().equals(s.subtype(v))) {
                    return false;
                }
            } else if (label != NodeLabel.Contact) {
                return false;
            }
            if (t.kind() != null && !t.kind().name().equals(s.subtype(v))) {
                return false;
            }
            if (t.region() != null && s.region(v) != t.region()) {
                return false;
            }
            if (t.country() != null && !t.country().equals(s.country(v))) {
                return false;
            }
            return t.theme() == null || s.hasTheme(v, t.theme());
        };
    }

    private static String describe(Target t) {
        List<String> parts = new ArrayList<>();
        if (t.region() != null) {
            parts.add("region=" + t.region());
        }
        if (t.country() != null) {
            parts.add("country=" + t.country());
        }
        if (t.theme() != null) {
            parts.add("theme=" + t.theme());
        }
        if (t.orgType() != null) {
            parts.add("orgType=" + t.orgType());
        }
        if (t.kind() != null) {
            parts.add("kind=" + t.kind());
        }
        return String.join(" ", parts);
    }

    private static String reason(UnreachableReason reason, Options options) {
        return switch (reason) {
            case REACHABLE -> "reachable";
            case ONLY_THROUGH_DISALLOWED -> "only through people whose consent to introduce is not current on "
                    + options.day() + ", who are at risk"
                    + (options.allowAtRisk() ? "" : " (allowAtRisk=false)") + " or are excluded";
            case NO_PATH_WITHIN_MAX_HOPS -> "no path within " + options.maxHops() + " hops";
            case NOT_CONNECTED -> "not connected to you at all";
        };
    }

    private Path describe(NetworkSnapshot s, ReferralPath path, Options options) {
        int[] nodes = path.nodes();
        int[] edges = path.edgeIds();
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            int e = edges[i];
            int trust = s.edgeTrust(e);
            int last = s.edgeLastContact(e);
            hops.add(new Hop(s.id(nodes[i]), s.id(nodes[i + 1]), trust == 0 ? null : trust,
                    last == GraphData.NO_DATE ? null : LocalDate.ofEpochDay(last).toString(), s.edgeType(e).name()));
        }
        List<String> atRisk = Arrays.stream(path.intermediaries()).filter(s::atRisk).mapToObj(s::id).toList();
        String firstAsk = path.firstAsk() < 0 ? null : s.id(path.firstAsk());
        return new Path(s.id(path.target()), Arrays.stream(nodes).mapToObj(s::id).toList(), hops, path.score(),
                path.cost(), firstAsk, atRisk, explain(s, path, hops, atRisk), ReferralConsent.of(s, path.intermediaries()));
    }

    private static String explain(NetworkSnapshot s, ReferralPath path, List<Hop> hops, List<String> atRisk) {
        int target = path.target();
        if (path.firstAsk() < 0) {
            return "You already know " + s.name(target) + " directly (" + hops.get(0).via() + ").";
        }
        Hop first = hops.get(0);
        StringBuilder sb = new StringBuilder("Ask ").append(s.name(path.firstAsk()));
        sb.append(" (").append(first.via().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (first.trust() != null) {
            sb.append(", trust ").append(first.trust());
        }
        if (first.lastContact() != null) {
            sb.append(", last contact ").append(first.lastContact());
        }
        sb.append(") to introduce you");
        if (path.hops() > 2) {
            sb.append(" onwards through ").append(path.hops() - 2).append(" more introduction")
                    .append(path.hops() > 3 ? "s" : "");
        }
        sb.append(" to ").append(s.name(target)).append("; ").append(path.hops()).append(" hops.");
        if (!atRisk.isEmpty()) {
            sb.append(" Caution: ").append(atRisk.size()).append(" intermediary(ies) are at risk.");
        }
        return sb.toString();
    }
}
