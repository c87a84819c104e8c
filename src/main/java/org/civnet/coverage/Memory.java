package org.civnet.coverage;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civnet.domain.FollowUp;
import org.civnet.domain.Region;
import org.civnet.domain.TieType;

/**
 * The shapes of the institutional-memory responses. Fields that hold a person's id are plain
 * values, so the redaction at the edge replaces them with pseudonyms for roles without clearance.
 */
public final class Memory {
    private Memory() {
    }

    /** A node named in a response: id, display name and kind of node. */
    public record Party(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label) {
    }

    /** One participant of an activity and their follow-up status (null: not followed up yet). */
    public record Participant(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label, TieType tie, FollowUp followUp, LocalDate since) {
    }

    /**
     * An activity a follow-up belongs to.
     *
     * @param mandates the mandates that sent the communication, or the visit's mandate
     */
    public record ActivityRef(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String kind, LocalDate date, @Sensitivity(SAFE) List<String> mandates, @Sensitivity(SAFE) String country,
                              @Sensitivity(SAFE) String responsibleOfficer) {
    }

    /** Someone still to be followed up after an activity. */
    public record PendingFollowUp(ActivityRef activity, Party participant, FollowUp followUp) {
    }

    /** A node's history, newest first. */
    public record History(Party subject, @Sensitivity(SAFE) String recordedBy, Instant recordedAt, List<HistoryEntry> entries) {
    }

    /**
     * One activity or introduction in a history.
     *
     * @param kind       Communication, CountryVisit, Training or Introduction
     * @param role       how the subject took part: SOURCE_OF, MET_DURING, ATTENDED, INTRODUCER, INTRODUCED, RECIPIENT
     * @param record     the activity's or introduction's id
     * @param title      training title or communication type
     * @param summary    communication summary or introduction note
     * @param mandates   the mandates that sent the communication, or the visit's mandate (empty otherwise)
     * @param status     introduction status
     * @param followUp   the subject's follow-up status for this activity
     * @param recordedBy the user who recorded the activity or introduction
     * @param recordedAt when it was recorded
     */
    public record HistoryEntry(LocalDate date, LocalDate endDate, @Sensitivity(SAFE) String kind, @Sensitivity(SAFE) String role, @Sensitivity(SAFE) String record, @Sensitivity(FREE_TEXT) String title,
                               @Sensitivity(FREE_TEXT) String summary, @Sensitivity(SAFE) List<String> mandates, @Sensitivity(SAFE) String country, @Sensitivity(FREE_TEXT) String place, @Sensitivity(FREE_TEXT) String organiser,
                               @Sensitivity(SAFE) String status, FollowUp followUp, @Sensitivity(SAFE) String introducer, @Sensitivity(SAFE) String introduced,
                               @Sensitivity(SAFE) String recipient, @Sensitivity(SAFE) String recordedBy, Instant recordedAt) {
    }

    /** The entry without the activity's country (for a protected person's history, see HistoryController). */
    static HistoryEntry withoutCountry(HistoryEntry e) {
        return new HistoryEntry(e.date(), e.endDate(), e.kind(), e.role(), e.record(), e.title(), e.summary(), e.mandates(),
                null, e.place(), e.organiser(), e.status(), e.followUp(), e.introducer(), e.introduced(), e.recipient(),
                e.recordedBy(), e.recordedAt());
    }

    /**
     * The latest dated interaction with a contact.
     *
     * @param kind   an activity kind, Introduction, or the type of a tie with a last contact date (KNOWS…)
     * @param record the activity or introduction, or the other end of the tie
     */
    public record LastInteraction(LocalDate date, @Sensitivity(SAFE) String kind, @Sensitivity(SAFE) String record) {
    }

    /**
     * A contact in a handover, with the organisations it is affiliated with (as parties, so a protected
     * organisation's name is hidden too), why it belongs there ({@code via}) and the last interaction.
     */
    public record HandoverContact(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String kind, @Sensitivity(IDENTIFYING) String country, @org.civnet.domain.QuasiIdentifier Region region,
                                  @Sensitivity(SAFE) List<String> themes, @Sensitivity(SAFE) String riskLevel, List<Party> organisations, @Sensitivity(SAFE) List<String> via,
                                  LastInteraction lastInteraction, @Sensitivity(SAFE) String responsibleOfficer) {
    }

    /** A partner (organisation or contact) of a mandate. */
    public record Partner(@Sensitivity(SAFE) String mandate, @Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, @Sensitivity(SAFE) String label, @Sensitivity(SAFE) String kind, @org.civnet.domain.QuasiIdentifier Region region,
                          LocalDate since, LocalDate lastContact, @Sensitivity(FREE_TEXT) List<String> activities) {
    }

    /** An introduction still REQUESTED. */
    public record OpenIntroduction(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String introducer, @Sensitivity(SAFE) String introduced, @Sensitivity(SAFE) String recipient, LocalDate date,
                                   @Sensitivity(FREE_TEXT) String note, @Sensitivity(SAFE) String recordedBy, Instant recordedAt,
                                   @Sensitivity(SAFE) String responsibleOfficer) {
    }

    /**
     * What an officer hands over (seed 000: the handover note's working list of contacts): the
     * contacts with their last interaction, the partners of the mandate(s), open introductions, and
     * the follow-ups still due on the activities the officer is responsible for.
     *
     * @param mandates  the mandate, or the mandates of the activities the officer recorded
     * @param followUps participants not yet followed up (visit report not sent, source not informed)
     *                  of the activities the officer is responsible for; empty for a mandate's handover
     */
    public record Handover(@Sensitivity(SAFE) String mandate, @Sensitivity(SAFE) String officer, @Sensitivity(SAFE) List<String> mandates, Instant generatedAt,
                           long graphVersion,
                           List<HandoverContact> contacts,
                           List<Partner> partners, List<OpenIntroduction> openIntroductions,
                           List<PendingFollowUp> followUps) {
    }

    /** What a reassignment moved from one officer to another: how many records of each kind. */
    public record Reassigned(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, long contacts,
                             long introductions, long activities) {
    }
}
