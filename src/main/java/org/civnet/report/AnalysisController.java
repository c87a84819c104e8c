package org.civnet.report;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.InvalidInputException;
import org.civnet.security.AuditLog;
import org.civnet.security.PseudonymIds;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.civnet.snapshot.AnalysisScope;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analyses. Every endpoint takes the same scope parameters ({@code nodes}, {@code ties},
 * {@code minTrust}, {@code since}, {@code region}, {@code theme}); every call is audited; names of
 * protected people are replaced at the edge for roles without clearance.
 */
@RestController
@Validated
@RequestMapping("/api/analysis")
@Tag(name = "analysis", description = "Ties are undirected; conventions follow NetworkX (see each report's 'conventions').")
class AnalysisController {

    static final String APPROX_AUTO = "approx=auto estimates with a guarantee: with probability at least 1-delta "
            + "every normalised value is within epsilon of the exact one (uniform shortest-path sampling, "
            + "Riondato-Kornaropoulos sample size from a vertex-diameter bound); approx=auto&topK=k samples until the "
            + "k highest are separated (or the cap) and marks each certified; the report's 'certified' states "
            + "epsilon, delta, the vertex-diameter bound and the samples drawn.";
    static final String APPROX = "Betweenness only: a pivot count k (1 to 100000) for pivot sampling, or auto for "
            + "certified sampling; absent = exact";
    static final String EPSILON = "approx=auto: the largest error of any normalised value, 0 < epsilon < 1 (default "
            + BetweennessSampling.DEFAULT_EPSILON + "; with topK: stop once the bound reaches it, default none)";
    static final String DELTA = "approx=auto: the probability that the bound fails, 0 < delta < 1 (default "
            + BetweennessSampling.DEFAULT_DELTA + ")";
    static final String TOP_K = "approx=auto: certify the k highest instead of every value to epsilon";

    private final CentralityService centrality;
    private final BrokerService brokers;
    private final CoalitionService coalitions;
    private final IsolationService isolation;
    private final GraphViewService graph;
    private final AuditLog audit;
    private final Redactor redactor;
    private final PseudonymIds ids;
    private final int maxTop;

    AnalysisController(CentralityService centrality, BrokerService brokers, CoalitionService coalitions,
                       IsolationService isolation, GraphViewService graph, AuditLog audit, Redactor redactor,
                       PseudonymIds ids, CivnetProperties properties) {
        this.ids = ids;
        this.redactor = redactor;
        this.centrality = centrality;
        this.brokers = brokers;
        this.coalitions = coalitions;
        this.isolation = isolation;
        this.graph = graph;
        this.audit = audit;
        this.maxTop = properties.analysis().maxTop();
    }

    private AnalysisScope scope(ScopeQuery query, String what, String detail) {
        AnalysisScope scope = query.toScope();
        audit.record(AuditLog.Action.ANALYSIS, what, scope.describe() + (detail == null ? "" : " " + detail));
        return scope;
    }

    private int top(int top) {
        if (top > maxTop) {
            throw new InvalidInputException("top", "must be at most " + maxTop);
        }
        return top;
    }

    @GetMapping("/centrality")
    @Operation(summary = "Centrality report: one measure, ranked, with a summary of its distribution",
            description = CentralityService.CONVENTIONS + " approx=k samples k pivots (seeded by seed); " + APPROX_AUTO
                    + " sources/targets restrict betweenness to paths between two vertex sets, e.g. "
                    + "sources=label:Mandate&targets=region:ARAB_REGION.")
    CentralityService.Report centrality(@ModelAttribute ScopeQuery query,
                                        @RequestParam(defaultValue = "degree") String metric,
                                        @RequestParam(defaultValue = "50") @Min(1) int top,
                                        @RequestParam(defaultValue = "true") boolean normalized,
                                        @RequestParam(defaultValue = "false") boolean weighted,
                                        @Parameter(description = APPROX) @RequestParam(required = false) String approx,
                                        @Parameter(description = EPSILON) @RequestParam(required = false) Double epsilon,
                                        @Parameter(description = DELTA) @RequestParam(required = false) Double delta,
                                        @Parameter(description = TOP_K) @RequestParam(required = false) Integer topK,
                                        @RequestParam(defaultValue = "42") long seed,
                                        @RequestParam(required = false) String sources,
                                        @RequestParam(required = false) String targets,
                                        Role role) {
        BetweennessSampling sampling = BetweennessSampling.parse(approx, epsilon, delta, topK);
        CentralityService.Request request = new CentralityService.Request(CentralityService.metric(metric), top(top),
                normalized, weighted, null, seed, sources, targets,
                Role.cleared(role) ? java.util.Set.of() : redactor.protectedIds(), pseudonymsIn(sources, targets, role))
                .sampled(sampling);
        return centrality.report(scope(query, "centrality", metric), request);
    }

    @GetMapping("/brokers")
    @Operation(summary = "Brokers: betweenness, Burt's constraint and effective size, Gould-Fernandez roles for a grouping",
            description = "groupBy = region | country | kind | orgType | label | risk | theme:THEME. " + BrokerService.SCORE_DEFINITION)
    BrokerService.Report brokers(@ModelAttribute ScopeQuery query,
                                 @RequestParam(defaultValue = "region") String groupBy,
                                 @RequestParam(defaultValue = "50") @Min(1) int top,
                                 @RequestParam(defaultValue = "false") boolean weighted, Role role) {
        return brokers.report(scope(query, "brokers", groupBy), groupBy, top(top), weighted, hiddenFrom(role));
    }

    @GetMapping("/coalitions")
    @Operation(summary = "Coalitions: Leiden (default), Louvain or label propagation; seeded, so repeatable",
            description = "Every vertex of the scope is in exactly one coalition; modularity uses the resolution.")
    CoalitionService.Report coalitions(@ModelAttribute ScopeQuery query,
                                       @RequestParam(defaultValue = "leiden") String algorithm,
                                       @RequestParam(defaultValue = "1.0") double resolution,
                                       @RequestParam(defaultValue = "42") long seed,
                                       @RequestParam(defaultValue = "true") boolean weighted) {
        return coalitions.report(scope(query, "coalitions", algorithm), CoalitionService.algorithm(algorithm),
                resolution, seed, weighted);
    }

    @GetMapping("/isolation")
    @Operation(summary = "Isolated groups at risk, unreached components, weak points, route counts, suggested ties",
            description = IsolationService.SCORE_DEFINITION)
    IsolationService.Report isolation(@ModelAttribute ScopeQuery query,
                                      @RequestParam(defaultValue = "theme") String groupBy,
                                      @RequestParam(defaultValue = "50") @Min(1) int top, Role role) {
        return isolation.report(scope(query, "isolation", groupBy), groupBy, top(top), hiddenFrom(role));
    }

    /** What to remove in a resilience run. */
    record ResilienceRequest(List<String> remove, Integer removeTop, String metric, String groupBy) {
    }

    @PostMapping("/resilience")
    @Operation(summary = "What if these people were lost: who loses every path to the mandates, which groups become isolated")
    IsolationService.ResilienceReport resilience(@ModelAttribute ScopeQuery query, @RequestBody ResilienceRequest request,
                                                 Role role) {
        if (request.remove() != null && request.remove().size() > 10_000) {
            throw new InvalidInputException("remove", "at most 10000 ids");
        }
        List<String> remove = request.remove() == null ? null : ids.resolveAll("remove", request.remove(), role);
        return isolation.resilience(scope(query, "resilience", String.valueOf(remove == null ? null
                        : remove.stream().map(PseudonymIds::forAudit).toList())),
                request.groupBy() == null ? "theme" : request.groupBy(), remove, request.removeTop(),
                request.metric(), hiddenFrom(role), ids.hiddenFrom(role));
    }

    /** The {@code id:} terms of the selectors that are pseudonyms of protected people, and whom they name. */
    private java.util.Map<String, String> pseudonymsIn(String sources, String targets, Role role) {
        java.util.Map<String, String> named = new java.util.HashMap<>();
        named.putAll(ids.pseudonymsIn("sources", VertexSelector.idTerms(sources), role));
        named.putAll(ids.pseudonymsIn("targets", VertexSelector.idTerms(targets), role));
        return java.util.Map.copyOf(named);
    }

    /** The people this role sees only as pseudonyms: none for a role with clearance. */
    private java.util.Set<String> hiddenFrom(Role role) {
        return Role.cleared(role) ? java.util.Set.of() : redactor.protectedIds();
    }

    @GetMapping("/graph")
    @Operation(summary = "The scope's nodes and ties, for drawing the map")
    GraphViewService.View graph(@ModelAttribute ScopeQuery query) {
        return graph.view(scope(query, "graph", null));
    }
}
