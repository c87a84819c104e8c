package org.civnet.analysis.isolation;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Runs every analysis of this package once over one snapshot, sharing the intermediate results:
 * {@link MandateReach}, {@link WeakPoints}, {@link DisjointRoutes} of the at-risk contacts,
 * {@link GroupIsolation} and {@link SuggestedTies}. {@link Resilience} is a what-if and is run
 * separately with {@link Report#reach()}.
 *
 * <p>Cost: {@code O(n + m)} for reach, weak points and routes, {@code O(g n)} for {@code g} groups,
 * and the candidate walks of {@link SuggestedTies}. Measured at 30-300 ms (warm, shared 2-core machine)
 * on random networks of 10,000 vertices and 100,000 ties with 60 mandates, 8% at risk and 175
 * groups; the group loop dominates.
 */
public final class IsolationAnalysis {

    /**
     * @param mandates     the mandate vertices
     * @param atRisk       contacts with risk ELEVATED or HIGH
     * @param groups       one member set per group (may be empty)
     * @param mayIntroduce vertices that consent to be introduced
     * @param regionOf     region index per vertex for tie suggestions, or {@code null}
     */
    public record Input(BitSet mandates, BitSet atRisk, List<BitSet> groups, BitSet mayIntroduce,
                        int[] regionOf) {
        public Input {
            Objects.requireNonNull(mandates, "mandates");
            Objects.requireNonNull(atRisk, "atRisk");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(mayIntroduce, "mayIntroduce");
        }
    }

    public record Options(GroupIsolation.Options groups, SuggestedTies.Options ties) {
        public static final Options DEFAULTS =
                new Options(GroupIsolation.Options.DEFAULTS, SuggestedTies.Options.DEFAULTS);

        public Options {
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(ties, "ties");
        }
    }

    public record Report(MandateReach reach, WeakPoints weakPoints, DisjointRoutes routes,
                         GroupIsolation groups, SuggestedTies ties) {
    }

    private IsolationAnalysis() {
    }

    public static Report run(CsrGraph graph, Input input, Options options) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        MandateReach reach = new MandateReach(graph, input.mandates());
        WeakPoints weak = new WeakPoints(reach, input.atRisk());
        DisjointRoutes routes = new DisjointRoutes(reach, input.atRisk());
        GroupIsolation groups = new GroupIsolation(weak, input.groups(), options.groups());
        SuggestedTies ties = new SuggestedTies(routes, input.mayIntroduce(), input.regionOf(),
                options.ties());
        return new Report(reach, weak, routes, groups, ties);
    }
}
