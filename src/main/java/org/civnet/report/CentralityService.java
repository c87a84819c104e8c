package org.civnet.report;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.Centralities;
import org.civnet.analysis.centrality.CentralityMetric;
import org.civnet.analysis.centrality.DistributionSummary;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.InvalidInputException;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Service;
import org.civnet.snapshot.ResultCache;

/** Centrality reports: one measure over a scope, ranked, with the distribution summarised. */
@Service
public class CentralityService {

    /**
     * How a report was asked for. {@code hidden}: ids that {@code sources}/{@code targets} may not
     * select by id or country (protected people, for roles without clearance); {@code named}: the
     * {@code id:} terms that are pseudonyms of such people, and whom they name (they select them).
     */
    public record Request(CentralityMetric metric, int top, boolean normalized, boolean weighted, Integer approx,
                          long seed, String sources, String targets, java.util.Set<String> hidden,
                          java.util.Map<String, String> named, BetweennessSampling.Certified certified) {
        public Request(CentralityMetric metric, int top, boolean normalized, boolean weighted, Integer approx,
                       long seed, String sources, String targets, java.util.Set<String> hidden,
                       java.util.Map<String, String> named) {
            this(metric, top, normalized, weighted, approx, seed, sources, targets, hidden, named, null);
        }

        public Request(CentralityMetric metric, int top, boolean normalized, boolean weighted, Integer approx,
                       long seed, String sources, String targets) {
            this(metric, top, normalized, weighted, approx, seed, sources, targets, java.util.Set.of(), java.util.Map.of());
        }

        /** The same request sampled as {@code sampling} says (pivots or certified). */
        public Request sampled(BetweennessSampling sampling) {
            return new Request(metric, top, normalized, weighted, sampling.pivots(), seed, sources, targets, hidden,
                    named, sampling.certified());
        }
    }

    /** {@code certified}: in the top-k mode of {@code approx=auto}, whether this one of the top k is certified; else null. */
    public record Score(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label, @Sensitivity(SAFE) String kind, @org.civnet.domain.QuasiIdentifier @Sensitivity(SAFE) String region, @org.civnet.domain.QuasiIdentifier Double score,
                        @org.civnet.domain.QuasiIdentifier Boolean certified) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CentralityReport")
    public record Report(@Sensitivity(SAFE) String metric, @Sensitivity(SAFE) String scope, long graphVersion, boolean normalized, boolean weighted,
                         Integer approx, @Sensitivity(SAFE) String sources, @Sensitivity(SAFE) String targets, @Sensitivity(SAFE) String conventions, SnapshotInfo snapshot,
                         Summary summary, List<Score> scores, CertifiedSampling.Certificate certified) {
    }

    /** The distribution, with undefined values as null rather than NaN. */
    public record Summary(int count, Double min, Double max, Double mean, Double median, Double p90, Double p99,
                          Double gini, Double centralization) {
        static Summary of(DistributionSummary s) {
            return new Summary(s.count(), finite(s.min()), finite(s.max()), finite(s.mean()), finite(s.median()),
                    finite(s.p90()), finite(s.p99()), finite(s.gini()), finite(s.centralization()));
        }
    }

    static final String CONVENTIONS = "NetworkX conventions: betweenness counts each unordered pair once and is "
            + "normalised by (n-1)(n-2)/2 (twice JGraphT's normalised value); sampled betweenness (approx=k) is scaled "
            + "by n/k; certified betweenness (approx=auto) states epsilon, delta and the samples drawn in 'certified'; "
            + "closeness uses Wasserman-Faust for disconnected graphs; harmonic normalised divides by n-1; "
            + "PageRank alpha 0.85; with weighted=true trust is tie strength (path length 1/trust; ties without trust "
            + "count as 3).";

    private final SnapshotCache snapshots;
    private final ResultCache results;
    private final CertifiedSampling certified;

    public CentralityService(SnapshotCache snapshots, ResultCache results, CivnetProperties properties) {
        this.snapshots = snapshots;
        this.results = results;
        this.certified = new CertifiedSampling(properties.analysis().approxMaxSamples());
    }

    public static CentralityMetric metric(String name) {
        try {
            return CentralityMetric.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("metric", "must be one of degree, betweenness, closeness, harmonic, "
                    + "pagerank, eigenvector, coreness, clustering");
        }
    }

    public Report report(AnalysisScope scope, Request request) {
        validate(request);
        SnapshotCache.Lookup lookup = snapshots.get(scope);
        NetworkSnapshot snapshot = lookup.snapshot();
        long started = System.nanoTime();
        Computed computed = computed(snapshot, request);
        double[] scores = computed.scores();
        long millis = (System.nanoTime() - started) / 1_000_000;
        int[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(v -> Double.isNaN(scores[v]) ? Double.NEGATIVE_INFINITY : -scores[v])
                        .thenComparing(snapshot::id))
                .limit(request.top()).mapToInt(Integer::intValue).toArray();
        List<Score> ranked = new ArrayList<>(order.length);
        for (int v : order) {
            NodeRef ref = NodeRef.of(snapshot, v);
            ranked.add(new Score(ref.id(), ref.name(), ref.label().name(), ref.kind(),
                    ref.region() == null ? null : ref.region().name(), finite(scores[v]),
                    computed.certified() == null ? null : computed.certified().certified(v)));
        }
        DistributionSummary summary = DistributionSummary.of(scores, request.metric(), request.normalized(),
                request.weighted());
        return new Report(request.metric().name().toLowerCase(Locale.ROOT), scope.describe(), snapshot.graphVersion(),
                request.normalized(), request.weighted(), request.approx(), request.sources(), request.targets(),
                CONVENTIONS, SnapshotInfo.of(lookup, millis), Summary.of(summary), ranked,
                computed.certified() == null ? null : computed.certified().certificate());
    }

    private static void validate(Request request) {
        boolean betweenness = request.metric() == CentralityMetric.BETWEENNESS;
        boolean sampled = request.approx() != null || request.certified() != null;
        if (!betweenness && (sampled || request.sources() != null || request.targets() != null)) {
            throw new InvalidInputException("metric", "approx, sources and targets apply to betweenness only");
        }
        if (sampled && (request.sources() != null || request.targets() != null)) {
            throw new InvalidInputException("approx", "cannot be combined with sources or targets");
        }
        if (request.weighted() && !request.metric().isWeightable()) {
            throw new InvalidInputException("weighted", request.metric() + " has no weighted form");
        }
    }

    /** The measure for every vertex, cached per (graph version, scope, parameters). */
    double[] scores(NetworkSnapshot snapshot, Request request) {
        return computed(snapshot, request).scores();
    }

    /** The scores, and for {@code approx=auto} what they certify. */
    private record Computed(double[] scores, CertifiedSampling.Result certified) {
    }

    private Computed computed(NetworkSnapshot snapshot, Request request) {
        Object key = List.of(snapshot.graphVersion(), snapshot.scope(), request.metric(), request.normalized(),
                request.weighted(), String.valueOf(request.approx()), request.seed(), String.valueOf(request.sources()),
                String.valueOf(request.targets()), request.hidden().isEmpty(), request.named(),
                String.valueOf(request.certified()));
        return results.get(key, () -> compute(snapshot, request));
    }

    private Computed compute(NetworkSnapshot snapshot, Request request) {
        if (request.metric() != CentralityMetric.BETWEENNESS) {
            return new Computed(Centralities.compute(snapshot.graph(), request.metric(), request.normalized(),
                    request.weighted()), null);
        }
        if (request.certified() != null) {
            // Refused before any sampling when the epsilon needs more samples than the cap.
            certified.check(snapshot, request);
            CertifiedSampling.Result result = certified.run(snapshot, request);
            return new Computed(result.scores(), result);
        }
        Betweenness.Options options = Betweenness.Options.defaults().withNormalized(request.normalized())
                .withWeighted(request.weighted());
        if (request.approx() != null) {
            if (request.approx() > snapshot.vertexCount()) {
                throw new InvalidInputException("approx", "must be at most the number of vertices ("
                        + snapshot.vertexCount() + ")");
            }
            options = options.withSamples(request.approx(), request.seed());
        }
        if (request.sources() != null) {
            options = options.withSources(VertexSelector.parse("sources", request.sources()).select(snapshot, request.hidden(), request.named()));
        }
        if (request.targets() != null) {
            options = options.withTargets(VertexSelector.parse("targets", request.targets()).select(snapshot, request.hidden(), request.named()));
        }
        return new Computed(new Betweenness(snapshot.graph(), options).scores(), null);
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
