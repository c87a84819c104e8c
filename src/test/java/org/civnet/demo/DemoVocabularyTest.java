package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.civnet.domain.Region;
import org.civnet.network.Regions;
import org.civnet.network.Themes;
import org.junit.jupiter.api.Test;

/** The word lists are data: a hub in the wrong region or an unknown theme would fail silently in a draw. */
class DemoVocabularyTest {

    @Test
    void hubAndPresenceCountriesBelongToTheirRegion() {
        for (Region region : Region.values()) {
            assertThat(DemoVocabulary.HUB_COUNTRIES.get(region).keySet()).as(region.name())
                    .hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(code -> assertThat(Regions.regionOf(code)).as(code).isEqualTo(region));
            assertThat(DemoVocabulary.HRO_COUNTRIES.get(region))
                    .allSatisfy(code -> assertThat(Regions.regionOf(code)).as(code).isEqualTo(region));
            assertThat(DemoVocabulary.GIVEN_NAMES.get(region)).hasSizeGreaterThan(20);
            assertThat(DemoVocabulary.SURNAMES.get(region)).hasSizeGreaterThan(20);
        }
        for (String code : (DemoVocabulary.UNINHABITED + " " + DemoVocabulary.SMALL_TERRITORIES).split(" ")) {
            assertThat(Regions.isKnownCountry(code)).as(code).isTrue();
        }
    }

    @Test
    void mandateThemesComeFromTheContactThemes() {
        Set<String> tags = DemoVocabulary.THEMES.stream().map(DemoVocabulary.Theme::tag).collect(Collectors.toSet());
        assertThat(tags).hasSizeLessThan(64).allSatisfy(t -> assertThat(t).matches(Themes.PATTERN));
        assertThat(tags).contains("WOMENS_RIGHTS", "LGBTI", "INDIGENOUS_PEOPLES", "MINORITIES", "LAND",
                "FREEDOM_OF_EXPRESSION", "TORTURE", "DISAPPEARANCES", "HOUSING", "CHILDREN", "DISABILITY", "MIGRANTS");
        assertThat(DemoVocabulary.MANDATES).hasSize(60)
                .allSatisfy(m -> assertThat(tags).containsAll(m.themes()));
        assertThat(DemoVocabulary.MANDATES.subList(0, 45)).allSatisfy(m -> assertThat(m.country()).isNull());
        assertThat(DemoVocabulary.MANDATES.subList(45, 60))
                .allSatisfy(m -> assertThat(Regions.isKnownCountry(m.country())).isTrue());
        for (Region region : Region.values()) {
            assertThat(tags).containsAll(DemoVocabulary.THEME_EMPHASIS.get(region).keySet());
        }
    }
}
