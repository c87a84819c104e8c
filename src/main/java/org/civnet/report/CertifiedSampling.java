package org.civnet.report;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.Locale;

import org.civnet.analysis.centrality.CertifiedBetweenness;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.Sensitivity;
import org.civnet.snapshot.NetworkSnapshot;

/** Runs {@code approx=auto} betweenness for a report and says what it guarantees. */
final class CertifiedSampling {

    /**
     * What a certified betweenness report guarantees.
     *
     * @param guarantee           the statement in words
     * @param epsilon             with probability at least 1 - delta, every normalised value is within
     *                            this of the exact one (in the top-k mode: the bound reached)
     * @param delta               the probability that the bound fails
     * @param normalisation       the scale epsilon is stated on
     * @param errorBound          epsilon in the units of the reported scores (raw values when normalized=false)
     * @param vertexDiameterBound the upper bound on the vertices of a shortest path the sample size used
     * @param samples             shortest paths sampled
     * @param maxSamples          the configured cap ({@code civnet.analysis.approx-max-samples})
     * @param topK                the top-k mode's k, else null
     * @param certifiedInTopK     how many of the top k are certified, else null
     * @param stop                why sampling stopped: exact, sample_size, top_k_separated, epsilon_reached, sample_cap
     * @param method              the method and its sources
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BetweennessCertificate")
    public record Certificate(@Sensitivity(SAFE) String guarantee, double epsilon, double delta,
                              @Sensitivity(SAFE) String normalisation, double errorBound, int vertexDiameterBound,
                              long samples, long maxSamples, Integer topK, Integer certifiedInTopK,
                              @Sensitivity(SAFE) String stop, @Sensitivity(SAFE) String method) {
    }

    /**
     * The estimates and the certificate; {@code inTopK} and {@code certifiedVertex} mark, by vertex,
     * the estimated top k and those of them that are certified.
     */
    record Result(double[] scores, boolean[] inTopK, boolean[] certifiedVertex, Certificate certificate) {

        /** In the top-k mode, whether v (of the estimated top k) is certified; null otherwise. */
        Boolean certified(int v) {
            return certificate.topK() == null || !inTopK[v] ? null : certifiedVertex[v];
        }
    }

    static final String METHOD = "Uniform shortest-path sampling (balanced bidirectional BFS) with the "
            + "Riondato-Kornaropoulos sample size r = (0.5/eps'^2)(floor(log2(VD-2)) + 1 + ln(1/delta)), eps' = "
            + "epsilon (n-2)/n (WSDM 2014, DMKD 2016); top-k mode: doubling stages from 1024 samples spending "
            + "delta/2^i each on that bound and on per-vertex empirical Bernstein intervals (Maurer-Pontil 2009), "
            + "until fewer than k others can lie above each of the top k (after ABRA, Riondato-Upfal KDD 2016, and "
            + "KADABRA, Borassi-Natale ESA 2016).";

    private final int maxSamples;

    CertifiedSampling(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    private CertifiedBetweenness.Options options(CentralityService.Request request) {
        BetweennessSampling.Certified c = request.certified();
        int topK = c.topK() == null ? 0 : c.topK();
        double epsilon = c.epsilon() == null ? 0.0 : c.epsilon();
        return new CertifiedBetweenness.Options(epsilon, c.delta(), topK, maxSamples, request.normalized(),
                request.weighted(), request.seed(), 0);
    }

    /** Refuses an epsilon that needs more samples than the cap, before any sampling (O(n + m)). */
    void check(NetworkSnapshot snapshot, CentralityService.Request request) {
        if (request.certified().topK() != null) {
            return;
        }
        CertifiedBetweenness.Plan plan = CertifiedBetweenness.plan(snapshot.graph(), options(request));
        if (plan.samples() > maxSamples) {
            throw new InvalidInputException("epsilon", String.format(Locale.ROOT,
                    "needs %d samples on this scope (vertex-diameter bound %d), more than the %d allowed "
                            + "(civnet.analysis.approx-max-samples): ask for a larger epsilon or delta",
                    plan.samples(), plan.vertexDiameterBound(), maxSamples));
        }
    }

    Result run(NetworkSnapshot snapshot, CentralityService.Request request) {
        CertifiedBetweenness b = new CertifiedBetweenness(snapshot.graph(), options(request));
        int n = snapshot.vertexCount();
        boolean[] certified = new boolean[n];
        boolean[] top = new boolean[n];
        int[] ranked = b.topK();
        for (int rank = 0; rank < ranked.length; rank++) {
            top[ranked[rank]] = true;
            certified[ranked[rank]] = b.certified(rank);
        }
        Integer topK = request.certified().topK();
        String guarantee = String.format(Locale.ROOT, "With probability at least %s, every vertex's normalised "
                        + "betweenness is within %.3g of its exact value%s.", 1 - b.delta(), b.epsilon(),
                topK == null ? "" : "; a certified vertex is among the " + topK + " highest");
        Certificate certificate = new Certificate(guarantee, b.epsilon(), b.delta(),
                "NetworkX normalised: the unordered-pair sum divided by (n-1)(n-2)/2" + (request.normalized() ? ""
                        : "; scores are raw (normalized=false), so errorBound = epsilon (n-1)(n-2)/2"),
                b.errorBound(), b.vertexDiameterBound(), b.samples(), maxSamples, topK,
                topK == null ? null : b.certifiedCount(), b.stop().name().toLowerCase(Locale.ROOT), METHOD);
        return new Result(b.scores(), top, certified, certificate);
    }
}
