package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civnet.domain.FollowUp;
import org.civnet.domain.TieType;

/**
 * A relationship between two nodes. {@code trust} applies to KNOWS, {@code role} to
 * AFFILIATED_WITH, {@code activities} to PARTNERS_WITH, {@code followUp} to the participation ties
 * MET_DURING and SOURCE_OF; {@code since} and {@code lastContact} to any.
 */
public record Tie(
        @NotNull TieType type,
        @Sensitivity(SAFE) @NotBlank @Size(max = 128) String from,
        @Sensitivity(SAFE) @NotBlank @Size(max = 128) String to,
        @Min(1) @Max(5) Integer trust,
        LocalDate since,
        LocalDate lastContact,
        @Sensitivity(FREE_TEXT) @Size(max = 200) String role,
        @Sensitivity(FREE_TEXT) List<@Size(max = 200) String> activities,
        FollowUp followUp) {

    /** A tie without a follow-up status (every type but the participation ties). */
    public Tie(TieType type, String from, String to, Integer trust, LocalDate since, LocalDate lastContact,
               String role, List<String> activities) {
        this(type, from, to, trust, since, lastContact, role, activities, null);
    }

    /** The tie as stored: KNOWS is symmetric, so it runs from the smaller id to the larger. */
    public Tie canonical() {
        if (type == TieType.KNOWS && from.compareTo(to) > 0) {
            return new Tie(type, to, from, trust, since, lastContact, role, activities, followUp);
        }
        return this;
    }
}
