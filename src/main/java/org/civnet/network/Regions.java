package org.civnet.network;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.civnet.domain.Region;

/**
 * The country → region table that ships with the code (docs/DOMAIN.md, "Regions").
 *
 * <p><b>Source of the code list.</b> The 249 officially assigned ISO 3166-1 alpha-2 codes, as published
 * by ISO's Online Browsing Platform (https://www.iso.org/obp/ui/#search, "Country codes"); the list has
 * not changed since South Sudan (SS) was added in 2011. {@code java.util.Locale.getISOCountries()}
 * (249 codes on JDK 17) must be a subset of this table, which RegionsTest checks. Codes that ISO has not
 * officially assigned are unknown here: user-assigned XK (Kosovo), exceptionally reserved UK, EU, EL, IC,
 * EA, and anything in lower case.
 *
 * <p><b>The rule.</b>
 * <ul>
 * <li>ARAB_REGION: exactly the 22 member states of the League of Arab States, wherever they lie:
 * DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE. Syria (SY) counts as a member: its
 * participation was suspended from November 2011 to May 2023 but its membership never lapsed.</li>
 * <li>AFRICA: every other African state and territory.</li>
 * <li>ENACA: Europe; North America (US, CA, plus Greenland GL, Bermuda BM, Saint Pierre and Miquelon PM);
 * Central Asia (KZ KG TJ TM UZ); the Caucasus (AM AZ GE); plus Israel and Türkiye.</li>
 * <li>ASIA_PACIFIC: the rest of Asia and Oceania, including Iran, Afghanistan and Mongolia.</li>
 * <li>LATIN_AMERICA_CARIBBEAN: Mexico, Central and South America and the Caribbean, territories included.</li>
 * </ul>
 *
 * <p><b>Judgement calls</b> (a bucket for analysis, never a position on sovereignty or status):
 * <ul>
 * <li>Mauritania, Somalia, Djibouti, Comoros, Sudan (and Egypt, Libya, Tunisia, Algeria, Morocco) are
 * African Union members too; League membership wins, so they are ARAB_REGION. South Sudan, Chad and
 * Eritrea (a League observer) are not members, so AFRICA.</li>
 * <li>Western Sahara (EH) is not a League member, so AFRICA by the rule, whatever its status.</li>
 * <li>Israel (IL) and Türkiye (TR): West Asian, but ENACA, following their membership of the UN Western
 * European and Others Group (WEOG) and, for TR, of the Council of Europe.</li>
 * <li>Cyprus (CY): sits in the UN Asia-Pacific Group, but is an EU and Council of Europe member, so ENACA.</li>
 * <li>Russia (RU) and Kazakhstan (KZ) are transcontinental; ENACA as a whole (Eastern European Group,
 * Central Asia). Egypt's Sinai does not move Egypt out of ARAB_REGION.</li>
 * <li>Iran (IR), Afghanistan (AF), Mongolia (MN): ASIA_PACIFIC, not Central Asia (UN Asia-Pacific Group).</li>
 * <li>Taiwan (TW), Hong Kong (HK), Macao (MO): ASIA_PACIFIC, listed by their ISO codes only.</li>
 * <li>Overseas and dependent territories follow their geography (UN M49), not their sovereign: Réunion
 * (RE), Mayotte (YT), Saint Helena (SH), British Indian Ocean Territory (IO) and French Southern
 * Territories (TF) → AFRICA; French Guiana (GF), Guadeloupe (GP), Martinique (MQ), the Dutch and British
 * Caribbean, Puerto Rico (PR), US Virgin Islands (VI), Falkland Islands (FK), South Georgia (GS) and
 * Bouvet Island (BV, Norwegian, placed in South America by M49) → LATIN_AMERICA_CARIBBEAN; French
 * Polynesia, New Caledonia, Wallis and Futuna, Guam, American Samoa, Northern Mariana Islands, Heard and
 * McDonald (HM), Christmas (CX), Cocos (CC) and Norfolk (NF) → ASIA_PACIFIC; Faroes, Åland, Svalbard,
 * Gibraltar and the Crown Dependencies → ENACA. Greenland (GL), Bermuda (BM), Saint Pierre and
 * Miquelon (PM) are North America, hence ENACA.</li>
 * <li>US Minor Outlying Islands (UM) are almost all Pacific atolls, so ASIA_PACIFIC (Navassa, in the
 * Caribbean, is the exception the code cannot express).</li>
 * <li>Antarctica (AQ) has no M49 region; ASIA_PACIFIC because the largest territorial claim (the
 * Australian Antarctic Territory, about 42%) is Australian. The entry exists so every code has a region.</li>
 * <li>The Canary Islands, Ceuta and Melilla (ES), Madeira and the Azores (PT) have no ISO 3166-1 code of
 * their own (IC and EA are only reserved), so they follow ES and PT into ENACA.</li>
 * </ul>
 *
 * <p>Lookups are O(1); the sets returned are unmodifiable and iterate in alphabetical order, so callers
 * that draw from them stay deterministic.
 */
public final class Regions {
    private static final Map<String, Region> REGION_BY_COUNTRY;
    private static final Map<Region, SortedSet<String>> COUNTRIES_BY_REGION;
    private static final SortedSet<String> ALL_COUNTRIES;

    static {
        Map<Region, String> table = new EnumMap<>(Region.class);
        table.put(Region.ARAB_REGION, "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE");
        table.put(Region.AFRICA, ""
                + "AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE LR LS MG ML MU MW MZ NA NE NG"
                + " RW SC SL SN SS ST SZ TD TG TZ UG ZA ZM ZW"
                + " EH IO RE SH TF YT");
        table.put(Region.ENACA, ""
                + "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME"
                + " MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA"
                + " AX FO GG GI IM JE SJ"
                + " CA US GL BM PM"
                + " KZ KG TJ TM UZ"
                + " AM AZ GE"
                + " IL TR");
        table.put(Region.ASIA_PACIFIC, ""
                + "AF BD BN BT CN HK ID IN IR JP KH KP KR LA LK MM MN MO MV MY NP PH PK SG TH TL TW VN"
                + " AU NZ FJ PG SB VU NC PF WS TO TV CK NU TK WF PN AS KI NR MH FM PW GU MP NF CX CC HM UM"
                + " AQ");
        table.put(Region.LATIN_AMERICA_CARIBBEAN, ""
                + "AG AR BB BO BR BS BZ CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT"
                + " UY VC VE"
                + " AI AW BQ CW SX KY VG VI PR TC MS GP MQ GF BL MF FK GS BV");

        Map<String, Region> byCountry = new HashMap<>();
        Map<Region, SortedSet<String>> byRegion = new EnumMap<>(Region.class);
        for (Map.Entry<Region, String> row : table.entrySet()) {
            SortedSet<String> codes = new TreeSet<>();
            for (String code : row.getValue().trim().split("\\s+")) {
                // A typo here would silently drop or move a country, so fail at class load instead.
                if (!code.matches("[A-Z]{2}") || byCountry.put(code, row.getKey()) != null) {
                    throw new IllegalStateException("Bad or duplicate country code in the region table: " + code);
                }
                codes.add(code);
            }
            byRegion.put(row.getKey(), Collections.unmodifiableSortedSet(codes));
        }
        REGION_BY_COUNTRY = Map.copyOf(byCountry);
        COUNTRIES_BY_REGION = Collections.unmodifiableMap(byRegion);
        ALL_COUNTRIES = Collections.unmodifiableSortedSet(new TreeSet<>(byCountry.keySet()));
    }

    private Regions() {
    }

    /** The region of an upper-case ISO 3166-1 alpha-2 code; null for null, lower case or unassigned codes. */
    public static Region regionOf(String iso2) {
        return iso2 == null ? null : REGION_BY_COUNTRY.get(iso2);
    }

    /** Whether the code is one of the 249 officially assigned ISO 3166-1 alpha-2 codes (upper case). */
    public static boolean isKnownCountry(String iso2) {
        return regionOf(iso2) != null;
    }

    /** The codes of a region, alphabetically. */
    public static Set<String> countriesIn(Region region) {
        return COUNTRIES_BY_REGION.get(Objects.requireNonNull(region, "region"));
    }

    /** All 249 codes, alphabetically. */
    public static Set<String> knownCountries() {
        return ALL_COUNTRIES;
    }
}
