package org.civnet.referral.paths;

import java.util.Objects;

/**
 * The cost of asking for an introduction across one tie, and the score of a whole chain.
 *
 * <p>Definition, per undirected edge {@code e}:
 * <pre>
 *   cost(e) = [ hopCost
 *             + trustWeight   * (5 - trust) / 4
 *             + recencyWeight * (1 - 2^(-ageDays / recencyHalfLifeDays)) ]
 *             * (1 + organisationTiePenalty  if e is a tie through an organisation, else 1)
 * </pre>
 * where {@code trust} is the KNOWS trust 1..5 (unknown, encoded 0, counts as 3, the middle of
 * the scale) and {@code ageDays = today - lastContact} in days (unknown, encoded
 * {@link Integer#MIN_VALUE}, is an infinite age, hence the full staleness penalty; a date in the
 * future counts as today). A tie "through an organisation" ({@code weakTie}) is the affiliation
 * of a contact with an organisation, or two contacts linked only because they share one: such
 * ties carry less personal trust (Granovetter's weak ties), so they cost more.
 *
 * <p>Every term is non-negative and {@code cost(e) >= hopCost > 0}, so a path's cost grows with
 * its length, fewer introductions are preferred among equally good ties, and cheapest walks
 * are simple paths. The cost of a path is the sum of its edge costs.
 *
 * <p>Score shown to users: {@code score = 1 / (1 + totalCost)}, in (0, 1], higher is better and
 * strictly decreasing in the cost, so ranking by score and by cost agree. With the defaults a
 * fresh trust-5 direct tie scores 0.5, a chain of two such ties 0.33.
 *
 * <p>Cost: O(m) for {@link #costs}.
 */
public final class TieCost {

    /** Encodes an unknown last-contact date in the {@code lastContactEpochDay} array. */
    public static final int UNKNOWN_DATE = Integer.MIN_VALUE;
    /** Encodes an unknown trust level in the {@code trust} array. */
    public static final int UNKNOWN_TRUST = 0;
    /** The trust level assumed when it is unknown: the middle of the 1..5 scale. */
    public static final int DEFAULT_TRUST = 3;

    private TieCost() {
    }

    /**
     * Costs of all edges, indexed by edge id.
     *
     * @param trust               trust 1..5 per edge id, 0 when unknown
     * @param lastContactEpochDay last contact as {@link java.time.LocalDate#toEpochDay()} per edge id,
     *                            {@link #UNKNOWN_DATE} when unknown
     * @param weakTie             true for ties through an organisation
     * @param todayEpochDay       today as an epoch day
     * @throws IllegalArgumentException when the arrays differ in length or a trust is outside 0..5
     */
    public static double[] costs(ReferralWeights weights, int[] trust, int[] lastContactEpochDay,
                                 boolean[] weakTie, long todayEpochDay) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(lastContactEpochDay, "lastContactEpochDay");
        Objects.requireNonNull(weakTie, "weakTie");
        int m = trust.length;
        if (lastContactEpochDay.length != m || weakTie.length != m) {
            throw new IllegalArgumentException("trust, lastContactEpochDay and weakTie must have the same length: "
                    + m + ", " + lastContactEpochDay.length + ", " + weakTie.length);
        }
        double[] cost = new double[m];
        // The staleness of an age in days is computed once per age (Math.pow per tie was most of the
        // cost of a million ties, paid again at every graph version); the same formula, the same values.
        double[] stalenessByAge = new double[AGES_REMEMBERED];
        java.util.Arrays.fill(stalenessByAge, Double.NaN);
        for (int e = 0; e < m; e++) {
            if (trust[e] < 0 || trust[e] > 5) {
                throw new IllegalArgumentException("trust must be 1..5, or 0 when unknown: " + trust[e]);
            }
            double staleness;
            if (lastContactEpochDay[e] == UNKNOWN_DATE) {
                staleness = 1.0;
            } else {
                long ageDays = Math.max(0L, todayEpochDay - lastContactEpochDay[e]);
                if (ageDays < AGES_REMEMBERED) {
                    int age = (int) ageDays;
                    if (Double.isNaN(stalenessByAge[age])) {
                        stalenessByAge[age] = staleness(weights, ageDays);
                    }
                    staleness = stalenessByAge[age];
                } else {
                    staleness = staleness(weights, ageDays);
                }
            }
            cost[e] = cost(weights, trust[e], staleness, weakTie[e]);
        }
        return cost;
    }

    /** Ages (days) whose staleness {@link #costs} remembers within one call: a century. */
    private static final int AGES_REMEMBERED = 36_600;

    private static double staleness(ReferralWeights weights, long ageDays) {
        return 1.0 - Math.pow(2.0, -ageDays / weights.recencyHalfLifeDays());
    }

    private static double cost(ReferralWeights weights, int trust, double staleness, boolean weakTie) {
        int t = trust == UNKNOWN_TRUST ? DEFAULT_TRUST : trust;
        double c = weights.hopCost()
                + weights.trustWeight() * (5 - t) / 4.0
                + weights.recencyWeight() * staleness;
        return weakTie ? c * (1.0 + weights.organisationTiePenalty()) : c;
    }

    /** The cost of one tie; arguments as in {@link #costs}. */
    public static double cost(ReferralWeights weights, int trust, int lastContactEpochDay, boolean weakTie,
                              long todayEpochDay) {
        Objects.requireNonNull(weights, "weights");
        if (trust < 0 || trust > 5) {
            throw new IllegalArgumentException("trust must be 1..5, or 0 when unknown: " + trust);
        }
        double staleness = lastContactEpochDay == UNKNOWN_DATE ? 1.0
                : staleness(weights, Math.max(0L, todayEpochDay - lastContactEpochDay));
        return cost(weights, trust, staleness, weakTie);
    }

    /** The score of a path of total cost {@code totalCost}: {@code 1 / (1 + totalCost)}. */
    public static double score(double totalCost) {
        if (!(totalCost >= 0)) {
            throw new IllegalArgumentException("totalCost must be >= 0: " + totalCost);
        }
        return 1.0 / (1.0 + totalCost);
    }
}
