package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.HolderType;
import org.civnet.domain.Ids;
import org.civnet.domain.MandateKind;

/** A Special Procedure; {@code country} is set for country mandates only. */
public record Mandate(
        @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Sensitivity(NAME) @NotBlank @Size(max = 300) String title,
        @NotNull MandateKind kind,
        @NotNull HolderType holderType,
        @Sensitivity(SAFE) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Sensitivity(SAFE) @Size(max = Themes.MAX_PER_RECORD, message = Themes.TOO_MANY)
        List<@Size(max = 80) @Pattern(regexp = Themes.PATTERN, message = Themes.MESSAGE) String> themes,
        Instant createdAt,
        Instant updatedAt) {

    public Mandate normalised(String newId) {
        return new Mandate(id == null || id.isBlank() ? newId : id, title.strip(), kind, holderType, country,
                Themes.distinct(themes), createdAt, updatedAt);
    }
}
