package org.civnet.analysis.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.civnet.domain.Region;

/**
 * What the coverage figures are counted from: the actors (contacts and organisations), the
 * mandates and the partnerships between them, each with the date it entered the record, so the
 * same figures can be counted as of a past date.
 *
 * @param actors       contacts and organisations
 * @param mandates     the Special Procedures mandates
 * @param partnerships PARTNERS_WITH ties from an actor to a mandate
 */
public record CoverageData(List<Actor> actors, List<MandateInfo> mandates, List<Partnership> partnerships) {

    public CoverageData {
        actors = List.copyOf(Objects.requireNonNull(actors, "actors"));
        mandates = List.copyOf(Objects.requireNonNull(mandates, "mandates"));
        partnerships = List.copyOf(Objects.requireNonNull(partnerships, "partnerships"));
    }

    /** Whether an actor is a person or an organisation. */
    public enum ActorType { CONTACT, ORGANISATION }

    /**
     * A contact or an organisation.
     *
     * @param subtype      contact kind or organisation type (e.g. DEFENDER, NGO_NATIONAL)
     * @param ecosocStatus for organisations; null for contacts
     * @param recorded     the day it was recorded ({@code createdAt}); null when unknown (always counted)
     */
    public record Actor(String id, ActorType type, String country, Region region, List<String> themes, String subtype,
                        String ecosocStatus, LocalDate recorded) {
        public Actor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            themes = themes == null ? List.of() : List.copyOf(themes);
        }
    }

    /**
     * A mandate.
     *
     * @param region   the region of a country mandate's country; null for a thematic mandate
     * @param recorded the day it was recorded; null when unknown (always counted)
     */
    public record MandateInfo(String id, String title, Region region, List<String> themes, LocalDate recorded) {
        public MandateInfo {
            Objects.requireNonNull(id, "id");
            themes = themes == null ? List.of() : List.copyOf(themes);
        }
    }

    /**
     * A partnership of an actor with a mandate.
     *
     * @param since when it began; null when unknown (then it counts from the day both ends were recorded)
     */
    public record Partnership(String partner, String mandate, LocalDate since) {
        public Partnership {
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(mandate, "mandate");
        }
    }
}
