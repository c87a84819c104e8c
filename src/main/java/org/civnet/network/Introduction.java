package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.Ids;
import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.Officers;

/**
 * The introducer introduces {@code introduced} to {@code recipient}. {@code responsibleOfficer}: the
 * officer who follows it up (a handover moves it); when a write leaves it out, the user who writes.
 */
public record Introduction(
        @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Sensitivity(SAFE) @NotBlank @Size(max = 128) String introducer,
        @Sensitivity(SAFE) @NotBlank @Size(max = 128) String introduced,
        @Sensitivity(SAFE) @NotBlank @Size(max = 128) String recipient,
        IntroductionStatus status,
        LocalDate date,
        @Sensitivity(FREE_TEXT) @Size(max = 10_000) String note,
        @Sensitivity(SAFE) @Pattern(regexp = Officers.PATTERN, message = Officers.MESSAGE) String responsibleOfficer,
        Instant createdAt,
        Instant updatedAt) {

    public Introduction(String id, String introducer, String introduced, String recipient,
                        IntroductionStatus status, LocalDate date, String note) {
        this(id, introducer, introduced, recipient, status, date, note, null, null, null);
    }

    public Introduction(String id, String introducer, String introduced, String recipient,
                        IntroductionStatus status, LocalDate date, String note, String responsibleOfficer) {
        this(id, introducer, introduced, recipient, status, date, note, responsibleOfficer, null, null);
    }

    /** With the documented defaults: a generated id when none is given, status REQUESTED. */
    public Introduction normalised() {
        return new Introduction(id == null || id.isBlank() ? Ids.generate("intro") : id, introducer, introduced,
                recipient, status == null ? IntroductionStatus.REQUESTED : status, date, note, responsibleOfficer, createdAt,
                updatedAt);
    }
}
