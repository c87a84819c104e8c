package org.civnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.civnet.analysis.community.CommunityAlgorithm;
import org.civnet.analysis.community.CommunityOptions;
import org.junit.jupiter.api.Test;

/** The service runs Leiden at most twice from its own result; Louvain's and label propagation's sweeps are untouched. */
class LeidenRunsTest {

    @Test
    void leidenRunsAreCappedAndTheOtherAlgorithmsKeepTheirOptions() {
        CommunityOptions defaults = CommunityOptions.defaults().withSeed(7).withResolution(0.5);
        CommunityOptions leiden = CoalitionService.optionsFor(CommunityAlgorithm.LEIDEN, defaults);
        assertThat(leiden.maxIterations()).isEqualTo(2);
        assertThat(leiden.seed()).isEqualTo(7);
        assertThat(leiden.resolution()).isEqualTo(0.5);
        assertThat(CoalitionService.optionsFor(CommunityAlgorithm.LEIDEN, defaults.withMaxIterations(1)).maxIterations())
                .isEqualTo(1);
        for (CommunityAlgorithm other : CommunityAlgorithm.values()) {
            if (other != CommunityAlgorithm.LEIDEN) {
                assertThat(CoalitionService.optionsFor(other, defaults)).as(other.name()).isEqualTo(defaults);
            }
        }
    }
}
