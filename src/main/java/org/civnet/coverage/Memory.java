package org.civnet.coverage;

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
    public record Party(String id, String name, String label) {
    }

    /** One participant of an activity and their follow-up status (null: not followed up yet). */
    public record Participant(String id, String name, String label, TieType tie, FollowUp followUp, LocalDate since) {
    }

    /**
     * An activity a follow-up belongs to.
     *
     * @param mandates the mandates that sent the communication, or the visit's mandate
     */
    public record ActivityRef(String id, String kind, LocalDate date, List<String> mandates, String country) {
    }

    /** Someone still to be followed up after an activity. */
    public record PendingFollowUp(ActivityRef activity, Party participant, FollowUp followUp) {
    }

    /** A node's history, newest first. */
    public record History(Party subject, String recordedBy, Instant recordedAt, List<HistoryEntry> entries) {
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
    public record HistoryEntry(LocalDate date, LocalDate endDate, String kind, String role, String record, String title,
                               String summary, List<String> mandates, String country, String place, String organiser,
                               String status, FollowUp followUp, String introducer, String introduced,
                               String recipient, String recordedBy, Instant recordedAt) {
    }

    /**
     * The latest dated interaction with a contact.
     *
     * @param kind   an activity kind, Introduction, or the type of a tie with a last contact date (KNOWS…)
     * @param record the activity or introduction, or the other end of the tie
     */
    public record LastInteraction(LocalDate date, String kind, String record) {
    }

    /**
     * A contact in a handover, with the organisations it is affiliated with (as parties, so a protected
     * organisation's name is hidden too), why it belongs there ({@code via}) and the last interaction.
     */
    public record HandoverContact(String id, String name, String kind, String country, Region region,
                                  List<String> themes, String riskLevel, List<Party> organisations, List<String> via,
                                  LastInteraction lastInteraction) {
    }

    /** A partner (organisation or contact) of a mandate. */
    public record Partner(String mandate, String id, String name, String label, String kind, Region region,
                          LocalDate since, LocalDate lastContact, List<String> activities) {
    }

    /** An introduction still REQUESTED. */
    public record OpenIntroduction(String id, String introducer, String introduced, String recipient, LocalDate date,
                                   String note, String recordedBy, Instant recordedAt) {
    }

    /**
     * What an officer hands over (seed 000: the handover note's working list of contacts): the
     * contacts with their last interaction, the partners of the mandate(s), open introductions.
     *
     * @param mandates the mandate, or the mandates of the activities the officer recorded
     */
    public record Handover(String mandate, String officer, List<String> mandates, Instant generatedAt,
                           List<HandoverContact> contacts,
                           List<Partner> partners, List<OpenIntroduction> openIntroductions) {
    }
}
