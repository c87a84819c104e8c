package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civnet.domain.CommunicationType;
import org.civnet.domain.Ids;
import org.civnet.domain.Officers;

/**
 * Activity records. Who took part is recorded as ties (SOURCE_OF, MET_DURING, ATTENDED), so the
 * analyses can use participation as a scope like any other tie. Each names the officer responsible
 * for its follow-ups ({@code responsibleOfficer}; when a write leaves it out, the user who writes),
 * so they can be handed over.
 */
public final class Activities {
    private Activities() {
    }

    static Communication normalised(Communication c, String id) {
        return new Communication(id, c.type(), c.date(), c.country(), c.mandates(), c.summary(), c.responsibleOfficer(),
                c.createdAt(), c.updatedAt());
    }

    /**
     * The mandate ids an activity record names (a communication's {@code mandates}, a visit's
     * {@code mandate}), each of which must be a stored Mandate; empty for other records.
     */
    public static List<String> mandatesNamedBy(Object record) {
        if (record instanceof Communication c && c.mandates() != null) {
            return c.mandates().stream().filter(id -> id != null && !id.isBlank()).toList();
        }
        if (record instanceof CountryVisit v && v.mandate() != null && !v.mandate().isBlank()) {
            return List.of(v.mandate());
        }
        return List.of();
    }

    /** The field of the record that names its mandates, for error reports. */
    public static String mandateField(Object record) {
        return record instanceof Communication ? "mandates" : "mandate";
    }

    static CountryVisit normalised(CountryVisit v, String id) {
        return new CountryVisit(id, v.mandate(), v.country(), v.startDate(), v.endDate(), v.responsibleOfficer(),
                v.createdAt(), v.updatedAt());
    }

    static Training normalised(Training t, String id) {
        return new Training(id, t.title(), t.date(), t.place(), t.organiser(), t.responsibleOfficer(), t.createdAt(),
                t.updatedAt());
    }

    /**
     * A letter sent by one or more mandates (joint communications are common); its sources are
     * always confidential. {@code mandates} keeps the order given, without repeats.
     */
    public record Communication(
            @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotNull CommunicationType type,
            LocalDate date,
            @Sensitivity(SAFE) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Sensitivity(SAFE) @ArraySchema(arraySchema = @Schema(description = "ids of the mandates that sent it: at least one when given, "
                    + "each an existing mandate; repeats are dropped. A single legacy \"mandate\": \"id\" is read as "
                    + "[\"id\"]."))
            @Size(min = 1, message = "must name at least one mandate when given")
            List<@NotBlank @Size(max = 128) String> mandates,
            @Sensitivity(FREE_TEXT) @Size(max = 2_000) String summary,
            @Sensitivity(SAFE) @Pattern(regexp = Officers.PATTERN, message = Officers.MESSAGE) String responsibleOfficer,
            Instant createdAt,
            Instant updatedAt) {

        public Communication {
            mandates = withoutRepeats(mandates);
        }

        public Communication(String id, CommunicationType type, LocalDate date, String country, List<String> mandates,
                             String summary) {
            this(id, type, date, country, mandates, summary, null, null, null);
        }

        /**
         * How JSON (API bodies, import documents, CSV rows, backups, stored properties) becomes a
         * communication. Documents written before a communication could have several mandates
         * carry one {@code "mandate": "id"}; it is read as {@code mandates: ["id"]}, and when a body
         * has both, the legacy one is added to the list, so nothing sent is dropped.
         */
        @JsonCreator
        static Communication fromJson(@JsonProperty("id") String id, @JsonProperty("type") CommunicationType type,
                                      @JsonProperty("date") LocalDate date, @JsonProperty("country") String country,
                                      @JsonProperty("mandates") List<String> mandates,
                                      @JsonProperty("mandate") @Schema(deprecated = true, description = "one "
                                              + "mandate id, as written before joint communications; read as "
                                              + "mandates: [id]") String legacyMandate,
                                      @JsonProperty("summary") String summary,
                                      @JsonProperty("responsibleOfficer") String responsibleOfficer,
                                      @JsonProperty("createdAt") Instant createdAt,
                                      @JsonProperty("updatedAt") Instant updatedAt) {
            List<String> merged = mandates;
            if (legacyMandate != null) {
                merged = new ArrayList<>(mandates == null ? List.of() : mandates);
                merged.add(legacyMandate);
            }
            return new Communication(id, type, date, country, merged, summary, responsibleOfficer, createdAt, updatedAt);
        }

        private static List<String> withoutRepeats(List<String> ids) {
            // Not List.copyOf: a null entry must reach validation as an error, not fail here.
            return ids == null ? null : Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(ids)));
        }
    }

    /** A mandate's visit to a country. */
    public record CountryVisit(
            @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Sensitivity(SAFE) @NotBlank @Size(max = 128) String mandate,
            @Sensitivity(SAFE) @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            LocalDate startDate,
            LocalDate endDate,
            @Sensitivity(SAFE) @Pattern(regexp = Officers.PATTERN, message = Officers.MESSAGE) String responsibleOfficer,
            Instant createdAt,
            Instant updatedAt) {

        public CountryVisit(String id, String mandate, String country, LocalDate startDate, LocalDate endDate) {
            this(id, mandate, country, startDate, endDate, null, null, null);
        }
    }

    /** A training given to civil society actors. */
    public record Training(
            @Sensitivity(SAFE) @Size(max = 128) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Sensitivity(FREE_TEXT) @NotBlank @Size(max = 300) String title,
            LocalDate date,
            @Sensitivity(FREE_TEXT) @Size(max = 300) String place,
            @Sensitivity(FREE_TEXT) @Size(max = 300) String organiser,
            @Sensitivity(SAFE) @Pattern(regexp = Officers.PATTERN, message = Officers.MESSAGE) String responsibleOfficer,
            Instant createdAt,
            Instant updatedAt) {

        public Training(String id, String title, LocalDate date, String place, String organiser) {
            this(id, title, date, place, organiser, null, null, null);
        }
    }
}
