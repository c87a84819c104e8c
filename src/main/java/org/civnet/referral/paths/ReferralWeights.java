package org.civnet.referral.paths;

/**
 * Parameters of the tie cost used by referral path finding; see {@link TieCost} for the formula.
 *
 * @param hopCost                cost every introduction adds, whatever the tie; must be positive so
 *                               that a longer chain never looks free and cheapest walks are simple paths
 * @param trustWeight            weight of the distrust term {@code (5 - trust)/4}, which is 0 for trust 5
 *                               and 1 for trust 1
 * @param recencyWeight          weight of the staleness term {@code 1 - 2^(-ageDays/halfLife)}, which is
 *                               0 for a tie refreshed today and tends to 1 for an old or undated tie
 * @param recencyHalfLifeDays    age in days at which the staleness term reaches one half
 * @param organisationTiePenalty extra relative cost of a tie that only runs through an organisation
 *                               (cost multiplied by {@code 1 + penalty}); 0 treats such ties like
 *                               personal ones
 */
public record ReferralWeights(double hopCost, double trustWeight, double recencyWeight,
                              double recencyHalfLifeDays, double organisationTiePenalty) {

    /**
     * hopCost 1, trustWeight 1, recencyWeight 0.5, half life 365 days, organisation penalty 1.5: a
     * fresh trust-5 personal tie costs 1, an undated trust-1 tie 2.5, and a tie through an
     * organisation 2.5 times its personal equivalent, so one such tie weighs about as much as
     * two and a half good personal introductions.
     */
    public static final ReferralWeights DEFAULTS = new ReferralWeights(1.0, 1.0, 0.5, 365.0, 1.5);

    public ReferralWeights {
        requireFinite("hopCost", hopCost, true);
        requireFinite("trustWeight", trustWeight, false);
        requireFinite("recencyWeight", recencyWeight, false);
        requireFinite("recencyHalfLifeDays", recencyHalfLifeDays, true);
        requireFinite("organisationTiePenalty", organisationTiePenalty, false);
    }

    private static void requireFinite(String name, double value, boolean strictlyPositive) {
        boolean ok = Double.isFinite(value) && (strictlyPositive ? value > 0 : value >= 0);
        if (!ok) {
            throw new IllegalArgumentException(name + " must be finite and "
                    + (strictlyPositive ? "> 0" : ">= 0") + ": " + value);
        }
    }
}
