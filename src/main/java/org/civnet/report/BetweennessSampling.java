package org.civnet.report;

import org.civnet.domain.InvalidInputException;

/**
 * How a betweenness report samples, from the {@code approx}, {@code epsilon}, {@code delta} and
 * {@code topK} parameters: exact (no {@code approx}), k pivots ({@code approx=k}), or certified
 * ({@code approx=auto}: every normalised value within epsilon with probability 1 - delta, or with
 * {@code topK} the top k certified).
 *
 * @param pivots    the pivot count of {@code approx=k}, else null
 * @param certified the certified request of {@code approx=auto}, else null
 */
public record BetweennessSampling(Integer pivots, Certified certified) {

    public static final double DEFAULT_EPSILON = 0.01;
    public static final double DEFAULT_DELTA = 0.1;
    static final int MAX_PIVOTS = 100_000;

    /**
     * @param epsilon the bound on every normalised value (epsilon mode), or in top-k mode the bound at
     *                which to stop even if the top k are not separated (null: none)
     * @param delta   the probability that the bound fails
     * @param topK    the top-k mode's k, else null
     */
    public record Certified(Double epsilon, double delta, Integer topK) {
    }

    public static final BetweennessSampling EXACT = new BetweennessSampling(null, null);

    /** Pivot sampling as before ({@code approx=k}), or exact when {@code pivots} is null. */
    public static BetweennessSampling pivots(Integer pivots) {
        return new BetweennessSampling(pivots, null);
    }

    /** Reads the query parameters; a 400 names the parameter that is wrong. */
    public static BetweennessSampling parse(String approx, Double epsilon, Double delta, Integer topK) {
        if (approx == null || !approx.trim().equalsIgnoreCase("auto")) {
            for (var extra : new Object[][] {{"epsilon", epsilon}, {"delta", delta}, {"topK", topK}}) {
                if (extra[1] != null) {
                    throw new InvalidInputException((String) extra[0], "applies only with approx=auto");
                }
            }
            return approx == null ? EXACT : pivots(pivotCount(approx));
        }
        if (epsilon != null && !(epsilon > 0 && epsilon < 1)) {
            throw new InvalidInputException("epsilon", "must be greater than 0 and less than 1");
        }
        if (delta != null && !(delta > 0 && delta < 1)) {
            throw new InvalidInputException("delta", "must be greater than 0 and less than 1");
        }
        if (topK != null && (topK < 1 || topK > MAX_PIVOTS)) {
            throw new InvalidInputException("topK", "must be between 1 and " + MAX_PIVOTS);
        }
        double eps = epsilon != null ? epsilon : topK == null ? DEFAULT_EPSILON : Double.NaN;
        return new BetweennessSampling(null, new Certified(Double.isNaN(eps) ? null : eps,
                delta == null ? DEFAULT_DELTA : delta, topK));
    }

    private static int pivotCount(String approx) {
        int k;
        try {
            k = Integer.parseInt(approx.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("approx", "must be a pivot count (1 to " + MAX_PIVOTS + ") or auto");
        }
        if (k < 1 || k > MAX_PIVOTS) {
            throw new InvalidInputException("approx", "must be a pivot count (1 to " + MAX_PIVOTS + ") or auto");
        }
        return k;
    }

    public boolean sampled() {
        return pivots != null || certified != null;
    }

    /** The {@code approx} value as written back in a report: the pivot count, "auto", or null. */
    public String describe() {
        return certified != null ? "auto" : pivots == null ? null : pivots.toString();
    }
}
