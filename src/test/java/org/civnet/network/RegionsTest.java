package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.civnet.domain.Region;

class RegionsTest {

    @Test
    void nullLowercaseAndUnassignedCodesAreUnknown() {
        assertThat(Regions.regionOf(null)).isNull();
        assertThat(Regions.regionOf("")).isNull();
        assertThat(Regions.regionOf("fr")).isNull();
        assertThat(Regions.regionOf("Fr")).isNull();
        assertThat(Regions.regionOf("FRA")).isNull();
        assertThat(Regions.regionOf("XK")).isNull(); // Kosovo: user-assigned, not official
        assertThat(Regions.regionOf("UK")).isNull(); // exceptionally reserved
        assertThat(Regions.regionOf("ZZ")).isNull();
        assertThat(Regions.isKnownCountry(null)).isFalse();
        assertThat(Regions.isKnownCountry("xx")).isFalse();
        assertThat(Regions.isKnownCountry("XK")).isFalse();
        assertThat(Regions.isKnownCountry("KE")).isTrue();
        assertThatThrownBy(() -> Regions.countriesIn(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyLocaleCountryHasARegionAndTheTableHasExactly249Codes() {
        Set<String> locale = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
        assertThat(locale).allSatisfy(code -> assertThat(Regions.regionOf(code)).as(code).isNotNull());
        assertThat(Regions.knownCountries()).containsAll(locale).hasSize(249);
    }

    @Test
    void regionsPartitionTheTable() {
        int total = 0;
        Set<String> seen = new HashSet<>();
        for (Region region : Region.values()) {
            Set<String> codes = Regions.countriesIn(region);
            total += codes.size();
            seen.addAll(codes);
            assertThat(codes).allSatisfy(code -> assertThat(Regions.regionOf(code)).isEqualTo(region));
        }
        assertThat(total).isEqualTo(249);
        assertThat(seen).isEqualTo(Regions.knownCountries());
    }

    @Test
    void arabRegionIsExactlyThe22LeagueOfArabStatesMembers() {
        assertThat(Regions.countriesIn(Region.ARAB_REGION)).containsExactlyInAnyOrder(
                "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
                "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE");
    }

    @Test
    void spotChecksPerRegion() {
        assertThat(Regions.regionOf("FR")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("US")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("GL")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("BM")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("KZ")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("GE")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("IL")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("TR")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("CY")).isEqualTo(Region.ENACA);
        assertThat(Regions.regionOf("RU")).isEqualTo(Region.ENACA);

        assertThat(Regions.regionOf("IR")).isEqualTo(Region.ASIA_PACIFIC);
        assertThat(Regions.regionOf("AF")).isEqualTo(Region.ASIA_PACIFIC);
        assertThat(Regions.regionOf("MN")).isEqualTo(Region.ASIA_PACIFIC);
        assertThat(Regions.regionOf("FJ")).isEqualTo(Region.ASIA_PACIFIC);
        assertThat(Regions.regionOf("PF")).isEqualTo(Region.ASIA_PACIFIC);
        assertThat(Regions.regionOf("AQ")).isEqualTo(Region.ASIA_PACIFIC);

        assertThat(Regions.regionOf("BR")).isEqualTo(Region.LATIN_AMERICA_CARIBBEAN);
        assertThat(Regions.regionOf("PR")).isEqualTo(Region.LATIN_AMERICA_CARIBBEAN);
        assertThat(Regions.regionOf("GF")).isEqualTo(Region.LATIN_AMERICA_CARIBBEAN);
        assertThat(Regions.regionOf("CW")).isEqualTo(Region.LATIN_AMERICA_CARIBBEAN);
        assertThat(Regions.regionOf("FK")).isEqualTo(Region.LATIN_AMERICA_CARIBBEAN);

        assertThat(Regions.regionOf("KE")).isEqualTo(Region.AFRICA);
        assertThat(Regions.regionOf("SS")).isEqualTo(Region.AFRICA);
        assertThat(Regions.regionOf("EH")).isEqualTo(Region.AFRICA);
        assertThat(Regions.regionOf("RE")).isEqualTo(Region.AFRICA);
        assertThat(Regions.regionOf("YT")).isEqualTo(Region.AFRICA);
        assertThat(Regions.regionOf("TD")).isEqualTo(Region.AFRICA);

        assertThat(Regions.regionOf("SD")).isEqualTo(Region.ARAB_REGION);
        assertThat(Regions.regionOf("SY")).isEqualTo(Region.ARAB_REGION);
        assertThat(Regions.regionOf("PS")).isEqualTo(Region.ARAB_REGION);
        assertThat(Regions.regionOf("KM")).isEqualTo(Region.ARAB_REGION);
        assertThat(Regions.regionOf("MR")).isEqualTo(Region.ARAB_REGION);
    }

    @Test
    void sizesPerRegionAreTheDocumentedOnes() {
        assertThat(Regions.countriesIn(Region.ENACA)).hasSize(67);
        assertThat(Regions.countriesIn(Region.ASIA_PACIFIC)).hasSize(58);
        assertThat(Regions.countriesIn(Region.LATIN_AMERICA_CARIBBEAN)).hasSize(52);
        assertThat(Regions.countriesIn(Region.AFRICA)).hasSize(50);
    }

    @Test
    void setsAreUnmodifiableAndAlphabetical() {
        Set<String> arab = Regions.countriesIn(Region.ARAB_REGION);
        assertThatThrownBy(() -> arab.add("XX")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new java.util.ArrayList<>(arab)).isSorted();
        assertThatThrownBy(() -> Regions.knownCountries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
