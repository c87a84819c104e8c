package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TieCostTest {

    private static final ReferralWeights W = ReferralWeights.DEFAULTS;
    private static final long TODAY = 20_000;
    private static final int UNKNOWN = TieCost.UNKNOWN_DATE;

    @Test
    void rejectsNullsAndMismatchedArrays() {
        assertThatThrownBy(() -> TieCost.costs(null, new int[0], new int[0], new boolean[0], TODAY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TieCost.costs(W, null, new int[0], new boolean[0], TODAY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TieCost.costs(W, new int[0], null, new boolean[0], TODAY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TieCost.costs(W, new int[0], new int[0], null, TODAY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TieCost.costs(W, new int[1], new int[0], new boolean[1], TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyInputGivesEmptyCosts() {
        assertThat(TieCost.costs(W, new int[0], new int[0], new boolean[0], TODAY)).isEmpty();
    }

    @Test
    void rejectsTrustOutsideTheScale() {
        assertThatThrownBy(() -> TieCost.cost(W, 6, 0, false, TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TieCost.cost(W, -1, 0, false, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freshFullTrustPersonalTieCostsOneHop() {
        // 1 + 1*(5-5)/4 + 0.5*(1 - 2^0) = 1
        assertThat(TieCost.cost(W, 5, (int) TODAY, false, TODAY)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void distrustAndUnknownDateCostTheFullPenalties() {
        // 1 + 1*(5-1)/4 + 0.5*1 = 2.5
        assertThat(TieCost.cost(W, 1, UNKNOWN, false, TODAY)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void unknownTrustCountsAsThreeAndOneHalfLifeHalvesTheStaleness() {
        // trust 0 -> 3: 1 + 2/4 + 0.5*(1 - 2^-1) = 1.75
        assertThat(TieCost.cost(W, 0, (int) TODAY - 365, false, TODAY)).isCloseTo(1.75, within(1e-12));
        // two half lives: 1 + 0 + 0.5*(1 - 1/4) = 1.375
        assertThat(TieCost.cost(W, 5, (int) TODAY - 730, false, TODAY)).isCloseTo(1.375, within(1e-12));
    }

    @Test
    void organisationTieIsMultipliedByOnePlusPenalty() {
        // (1 + 0 + 0) * (1 + 1.5) = 2.5; trust 2, fresh: (1 + 3/4) * 2.5 = 4.375
        assertThat(TieCost.cost(W, 5, (int) TODAY, true, TODAY)).isCloseTo(2.5, within(1e-12));
        assertThat(TieCost.cost(W, 2, (int) TODAY, true, TODAY)).isCloseTo(4.375, within(1e-12));
    }

    @Test
    void futureContactDateCountsAsToday() {
        assertThat(TieCost.cost(W, 5, (int) TODAY + 30, false, TODAY)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void costsArrayFollowsEdgeIds() {
        double[] c = TieCost.costs(W, new int[] {5, 1, 0}, new int[] {(int) TODAY, UNKNOWN, (int) TODAY - 365},
                new boolean[] {true, false, false}, TODAY);
        assertThat(c).containsExactly(new double[] {2.5, 2.5, 1.75}, within(1e-12));
    }

    @Test
    void weightsAreConfigurable() {
        ReferralWeights w = new ReferralWeights(2.0, 0.0, 1.0, 10.0, 0.0);
        // 2 + 0 + 1*(1 - 2^-1) = 2.5, organisation tie not penalised
        assertThat(TieCost.cost(w, 1, (int) TODAY - 10, true, TODAY)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> new ReferralWeights(0, 1, 1, 365, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralWeights(1, -1, 1, 365, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralWeights(1, 1, Double.NaN, 365, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralWeights(1, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralWeights(1, 1, 1, 365, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoreIsOneOverOnePlusCost() {
        assertThat(TieCost.score(0)).isEqualTo(1.0);
        assertThat(TieCost.score(1)).isEqualTo(0.5);
        assertThat(TieCost.score(3)).isEqualTo(0.25);
        assertThat(TieCost.score(2)).isGreaterThan(TieCost.score(2.5));
        assertThatThrownBy(() -> TieCost.score(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
