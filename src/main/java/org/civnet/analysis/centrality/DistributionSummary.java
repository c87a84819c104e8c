package org.civnet.analysis.centrality;

import java.util.Arrays;
import java.util.Objects;

/**
 * Summary of a score distribution, e.g. one centrality over all vertices, for reports
 * ("how concentrated is the network?").
 *
 * <p>NaN inputs (undefined scores such as the constraint of an isolated vertex) are left out and
 * {@code count} says how many values remained. Every statistic is NaN when it is undefined (no values;
 * Gini with a negative value; centralisation for other metrics or fewer than 3 vertices), so the API
 * layer should render NaN as null.
 *
 * <ul>
 *   <li>Percentiles ({@code median} = p50, {@code p90}, {@code p99}) interpolate linearly between
 *       the sorted values, as numpy's default {@code percentile(method="linear")}: with the values
 *       sorted as {@code x[0..c-1]}, {@code h = (c-1) p}, the result is
 *       {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}.</li>
 *   <li>{@code gini}: {@code sum_i sum_j |x_i - x_j| / (2 c^2 mean)}, computed from the sorted values
 *       as {@code 2 sum_i i x_(i) / (c sum x) - (c+1)/c} (i from 1); 0 when every value is 0, NaN when a
 *       value is negative.</li>
 *   <li>{@code centralization}: Freeman's (1979) {@code sum_v (max - c(v))} divided by the largest value
 *       that sum takes on any graph with the same number of vertices n (a star in both cases below).
 *       Defined here for unweighted DEGREE ({@code (n-1)(n-2)} raw, {@code n-2} normalised) and unweighted
 *       exact BETWEENNESS with NetworkX's scales ({@code (n-1)^2(n-2)/2} raw, {@code n-1} normalised), so 1
 *       for a star and 0 when every vertex scores the same. n counts every input value, NaN or not.</li>
 * </ul>
 * Cost: O(c log c).
 *
 * <p>Reference: L. C. Freeman, "Centrality in social networks: conceptual clarification", Social
 * Networks 1:215-239, 1979.
 */
public record DistributionSummary(int count, double min, double max, double mean, double median, double p90,
                                  double p99, double gini, double centralization) {

    /** Summary without centralisation. */
    public static DistributionSummary of(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int c = x.length;
        if (c == 0) {
            return new DistributionSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0.0;
        double rankWeighted = 0.0;
        for (int i = 0; i < c; i++) {
            sum += x[i];
            rankWeighted += (i + 1.0) * x[i];
        }
        double gini;
        if (x[0] < 0) {
            gini = Double.NaN;
        } else if (sum == 0.0) {
            gini = 0.0;
        } else {
            gini = 2.0 * rankWeighted / (c * sum) - (c + 1.0) / c;
        }
        return new DistributionSummary(c, x[0], x[c - 1], sum / c, percentile(x, 0.5), percentile(x, 0.9),
                percentile(x, 0.99), gini, Double.NaN);
    }

    /**
     * Summary of the values {@link Centralities#compute} returned for these arguments, with Freeman
     * centralisation where it is defined (see the class comment).
     */
    public static DistributionSummary of(double[] values, CentralityMetric metric, boolean normalized,
                                         boolean weighted) {
        Objects.requireNonNull(metric, "metric");
        DistributionSummary base = of(values);
        double centralization = weighted ? Double.NaN : freemanCentralization(values, metric, normalized);
        return new DistributionSummary(base.count, base.min, base.max, base.mean, base.median, base.p90, base.p99,
                base.gini, centralization);
    }

    private static double freemanCentralization(double[] values, CentralityMetric metric, boolean normalized) {
        double n = values.length;
        if (n < 3) {
            return Double.NaN;
        }
        double maxDeviation = switch (metric) {
            case DEGREE -> normalized ? n - 2 : (n - 1) * (n - 2);
            case BETWEENNESS -> normalized ? n - 1 : (n - 1) * (n - 1) * (n - 2) / 2;
            default -> Double.NaN;
        };
        if (Double.isNaN(maxDeviation)) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double deviation = 0.0;
        for (double v : values) {
            deviation += max - v;
        }
        return deviation / maxDeviation;
    }

    /** numpy's linear percentile of sorted, non-empty {@code x}, {@code p} in [0, 1]. */
    static double percentile(double[] x, double p) {
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= x.length - 1) {
            return x[x.length - 1];
        }
        return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }
}
