package org.civnet.network;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Activity records. Who took part is recorded as ties (SOURCE_OF, MET_DURING, ATTENDED), so the
 * analyses can use participation as a scope like any other tie.
 */
public final class Activities {
    private Activities() {
    }

    static Communication normalised(Communication c, String id) {
        return new Communication(id, c.type(), c.date(), c.country(), c.mandate(), c.summary(), c.createdAt(), c.updatedAt());
    }

    static CountryVisit normalised(CountryVisit v, String id) {
        return new CountryVisit(id, v.mandate(), v.country(), v.startDate(), v.endDate(), v.createdAt(), v.updatedAt());
    }

    static Training normalised(Training t, String id) {
        return new Training(id, t.title(), t.date(), t.place(), t.organiser(), t.createdAt(), t.updatedAt());
    }

    /** A letter sent by one or more mandates; its sources are always confidential. */
    public record Communication(
            @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotNull CommunicationType type,
            LocalDate date,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Size(max = 128) String mandate,
            @Size(max = 2_000) String summary,
            Instant createdAt,
            Instant updatedAt) {

        public Communication(String id, CommunicationType type, LocalDate date, String country, String mandate,
                             String summary) {
            this(id, type, date, country, mandate, summary, null, null);
        }
    }

    /** A mandate's visit to a country. */
    public record CountryVisit(
            @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 128) String mandate,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            LocalDate startDate,
            LocalDate endDate,
            Instant createdAt,
            Instant updatedAt) {

        public CountryVisit(String id, String mandate, String country, LocalDate startDate, LocalDate endDate) {
            this(id, mandate, country, startDate, endDate, null, null);
        }
    }

    /** A training given to civil society actors. */
    public record Training(
            @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 300) String title,
            LocalDate date,
            @Size(max = 300) String place,
            @Size(max = 300) String organiser,
            Instant createdAt,
            Instant updatedAt) {
    
        public Training(String id, String title, LocalDate date, String place, String organiser) {
            this(id, title, date, place, organiser, null, null);
        }
    }
}
