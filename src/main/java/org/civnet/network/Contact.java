package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.ContactKind;
import org.civnet.domain.Ids;
import org.civnet.domain.Officers;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;

/**
 * An individual: defender, victim, journalist, official, an HRO. {@code region} is derived from
 * {@code country} and read-only; {@code channels} (phone, e-mail, Signal…) are sensitive.
 * {@code responsibleOfficer} is the user name of the officer who looks after the contact (a handover
 * moves it); when a write leaves it out, the store names the user who writes.
 */
public record Contact(
        @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Sensitivity(NAME) @NotBlank @Size(max = 300) String name,
        ContactKind kind,
        @Sensitivity(IDENTIFYING) @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @org.civnet.domain.QuasiIdentifier Region region,
        @Sensitivity(SAFE) @Size(max = Themes.MAX_PER_RECORD, message = Themes.TOO_MANY)
        List<@Size(max = 80) @Pattern(regexp = Themes.PATTERN, message = Themes.MESSAGE) String> themes,
        RiskLevel riskLevel,
        Boolean consentToIntroduce,
        Boolean confidential,
        @Sensitivity(IDENTIFYING) List<@Size(max = 300) String> channels,
        @Sensitivity(FREE_TEXT) @Size(max = 10_000) String notes,
        @Sensitivity(SAFE) @Pattern(regexp = Officers.PATTERN, message = Officers.MESSAGE) String responsibleOfficer,
        Instant createdAt,
        Instant updatedAt) {

    /** Without a responsible officer: the store then names the user who writes it. */
    public Contact(String id, String name, ContactKind kind, String country, Region region, List<String> themes,
                   RiskLevel riskLevel, Boolean consentToIntroduce, Boolean confidential, List<String> channels,
                   String notes, Instant createdAt, Instant updatedAt) {
        this(id, name, kind, country, region, themes, riskLevel, consentToIntroduce, confidential, channels, notes,
                null, createdAt, updatedAt);
    }

    /** Applies the documented defaults and derives the region. */
    public Contact normalised(String newId) {
        return new Contact(id == null || id.isBlank() ? newId : id, name.strip(),
                kind == null ? ContactKind.OTHER : kind, country, Regions.regionOf(country),
                Themes.distinct(themes),
                riskLevel == null ? RiskLevel.NONE : riskLevel,
                consentToIntroduce != null && consentToIntroduce,
                confidential != null && confidential,
                channels == null ? List.of() : List.copyOf(channels), notes, responsibleOfficer, createdAt, updatedAt);
    }

    /** Confidential or at-risk people are shown only as pseudonyms to roles without clearance. */
    public boolean needsProtection() {
        return Boolean.TRUE.equals(confidential) || (riskLevel != null && riskLevel != RiskLevel.NONE);
    }
}
