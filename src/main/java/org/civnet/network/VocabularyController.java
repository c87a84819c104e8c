package org.civnet.network;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.domain.CommunicationType;
import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.FollowUp;
import org.civnet.domain.HolderType;
import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.MandateKind;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.Sensitivity;
import org.civnet.domain.TieType;
import org.civnet.neo4j.Transactions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words a form offers: every enumeration, the countries with their names and regions, and the
 * themes in use. The page asks once instead of copying the domain's lists into JavaScript, so a
 * value added in Java appears in every form without a second edit.
 */
@RestController
@Tag(name = "vocabulary")
class VocabularyController {

    /** A country: ISO 3166-1 alpha-2 code, English name, civnet region. */
    record Country(@Sensitivity(SAFE) String code, @Sensitivity(SAFE) String name, Region region) {
    }

    record Vocabulary(
            @Sensitivity(SAFE) Map<String, List<String>> enumerations,
            List<Country> countries,
            @Sensitivity(SAFE) List<String> themes) {
    }

    private static final Map<String, List<String>> ENUMERATIONS = Map.ofEntries(
            entry("contactKind", ContactKind.values()),
            entry("riskLevel", RiskLevel.values()),
            entry("region", Region.values()),
            entry("organisationType", OrganisationType.values()),
            entry("ecosocStatus", EcosocStatus.values()),
            entry("mandateKind", MandateKind.values()),
            entry("holderType", HolderType.values()),
            entry("communicationType", CommunicationType.values()),
            entry("introductionStatus", IntroductionStatus.values()),
            entry("followUp", FollowUp.values()),
            entry("tieType", TieType.values()));

    private static final List<Country> COUNTRIES = Regions.knownCountries().stream()
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH), Regions.regionOf(code)))
            .sorted(java.util.Comparator.comparing(Country::name))
            .toList();

    private final Transactions transactions;

    VocabularyController(Transactions transactions) {
        this.transactions = transactions.require("vocabulary/themes-in-use");
    }

    @GetMapping("/api/vocabulary")
    @Operation(summary = "Enumerations, countries (name, region) and the themes in use, for forms")
    Vocabulary vocabulary() {
        List<String> themes = transactions.read("vocabulary/themes-in-use", Map.of(), row -> row.get("theme").asString());
        return new Vocabulary(ENUMERATIONS, COUNTRIES, themes);
    }

    private static Map.Entry<String, List<String>> entry(String name, Enum<?>[] values) {
        return Map.entry(name, Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableList()));
    }
}
