package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.Ids;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.Scope;

/** An NGO, NHRI, union, victims' group, UN entity… */
public record Organisation(
        @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Sensitivity(NAME) @NotBlank @Size(max = 300) String name,
        OrganisationType type,
        @Sensitivity(IDENTIFYING) @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        Region region,
        Scope scope,
        EcosocStatus ecosocStatus,
        @Sensitivity(SAFE) @Size(max = Themes.MAX_PER_RECORD, message = Themes.TOO_MANY)
        List<@Size(max = 80) @Pattern(regexp = Themes.PATTERN, message = Themes.MESSAGE) String> themes,
        Instant createdAt,
        Instant updatedAt) {

    public Organisation normalised(String newId) {
        return new Organisation(id == null || id.isBlank() ? newId : id, name.strip(),
                type == null ? OrganisationType.OTHER : type, country, Regions.regionOf(country),
                scope == null ? Scope.NATIONAL : scope,
                ecosocStatus == null ? EcosocStatus.NONE : ecosocStatus,
                Themes.distinct(themes), createdAt, updatedAt);
    }
}
