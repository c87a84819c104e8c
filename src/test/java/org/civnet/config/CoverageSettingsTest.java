package org.civnet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.civnet.domain.Region;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The coverage settings: the seed's baseline by default, overridable, and refused when they make no sense. */
class CoverageSettingsTest {

    private static CivnetProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("civnet", CivnetProperties.class);
    }

    @Test
    void defaultsAreTheSeedsBaselineAndThreePartners() {
        CivnetProperties.Coverage coverage = bind(Map.of()).coverage();
        assertThat(coverage.minPartners()).isEqualTo(3);
        assertThat(coverage.targetShares()).containsExactlyInAnyOrderEntriesOf(Map.of(Region.ENACA, 0.32,
                Region.ASIA_PACIFIC, 0.22, Region.LATIN_AMERICA_CARIBBEAN, 0.21, Region.AFRICA, 0.12, Region.ARAB_REGION, 0.13));
    }

    @Test
    void targetsAndTheThresholdCanBeConfigured() {
        CivnetProperties.Coverage coverage = bind(Map.of(
                "civnet.coverage.min-partners", "5",
                "civnet.coverage.target-shares.enaca", "0.2",
                "civnet.coverage.target-shares.asia-pacific", "0.2",
                "civnet.coverage.target-shares.LATIN_AMERICA_CARIBBEAN", "0.2",
                "civnet.coverage.target-shares.africa", "0.2",
                "civnet.coverage.target-shares.arab-region", "0.2")).coverage();
        assertThat(coverage.minPartners()).isEqualTo(5);
        assertThat(coverage.targetShares()).hasSize(5).allSatisfy((region, share) -> assertThat(share).isEqualTo(0.2));
    }

    @Test
    void sharesThatDoNotSumToOneAreRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("civnet.coverage.target-shares.africa", "0.5")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new CivnetProperties.Coverage(Map.of(Region.AFRICA, 1.5, Region.ENACA, -0.5), 3))
                .hasMessageContaining("between 0 and 1");
    }
}
