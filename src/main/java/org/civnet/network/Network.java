package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.Ids;
import org.civnet.domain.Scope;

/** A coalition or platform of organisations. */
public record Network(
        @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Sensitivity(NAME) @NotBlank @Size(max = 300) String name,
        Scope scope,
        @Sensitivity(SAFE) @Size(max = Themes.MAX_PER_RECORD, message = Themes.TOO_MANY)
        List<@Size(max = 80) @Pattern(regexp = Themes.PATTERN, message = Themes.MESSAGE) String> themes,
        Instant createdAt,
        Instant updatedAt) {

    public Network normalised(String newId) {
        return new Network(id == null || id.isBlank() ? newId : id, name.strip(),
                scope == null ? Scope.NATIONAL : scope,
                Themes.distinct(themes), createdAt, updatedAt);
    }
}
