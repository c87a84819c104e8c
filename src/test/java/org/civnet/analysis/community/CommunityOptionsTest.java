package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommunityOptionsTest {

    @Test
    void defaults() {
        CommunityOptions o = CommunityOptions.defaults();
        assertThat(o.resolution()).isEqualTo(1.0);
        assertThat(o.seed()).isEqualTo(42L);
        assertThat(o.maxIterations()).isEqualTo(100);
        assertThat(o.weighted()).isTrue();
        assertThat(o.withSeed(7).withResolution(0.5).withMaxIterations(3).withWeighted(false))
                .isEqualTo(new CommunityOptions(0.5, 7, 3, false));
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(() -> new CommunityOptions(-0.1, 1, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityOptions(Double.NaN, 1, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityOptions(Double.POSITIVE_INFINITY, 1, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommunityOptions(1, 1, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
