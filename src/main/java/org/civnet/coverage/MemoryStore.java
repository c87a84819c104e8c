package org.civnet.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.civnet.analysis.coverage.CoverageData;
import org.civnet.analysis.coverage.CoverageData.Actor;
import org.civnet.analysis.coverage.CoverageData.ActorType;
import org.civnet.analysis.coverage.CoverageData.MandateInfo;
import org.civnet.analysis.coverage.CoverageData.Partnership;
import org.civnet.coverage.Memory.ActivityRef;
import org.civnet.coverage.Memory.HistoryEntry;
import org.civnet.coverage.Memory.LastInteraction;
import org.civnet.coverage.Memory.OpenIntroduction;
import org.civnet.coverage.Memory.Participant;
import org.civnet.coverage.Memory.Partner;
import org.civnet.coverage.Memory.Party;
import org.civnet.coverage.Memory.PendingFollowUp;
import org.civnet.neo4j.CypherQueries;
import org.civnet.neo4j.Transactions;
import org.civnet.domain.Changes;
import org.civnet.domain.FollowUp;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.network.Regions;
import org.civnet.domain.TieType;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * Reads (and the one write, a follow-up status) of the institutional-memory and coverage views, as
 * statements from {@code cypher/coverage/}. Rows become records here; nothing hands maps out.
 */
@Repository
class MemoryStore {

    private final Transactions transactions;
    private final CypherQueries cypher;
    private final org.civnet.network.NetworkStore store;

    MemoryStore(Transactions transactions, org.civnet.network.NetworkStore store) {
        this.transactions = transactions;
        this.cypher = transactions.statements();
        this.store = store;
        cypher.require("coverage/participants", "coverage/set-follow-up", "coverage/pending-visit-reports",
                "coverage/pending-replies", "coverage/history", "coverage/subject", "coverage/last-contacts",
                "coverage/mandate-contacts", "coverage/officer-contacts", "coverage/officer-mandates",
                "coverage/contact-summaries", "coverage/mandate-partners", "coverage/open-introductions",
                "coverage/actors", "coverage/mandates", "coverage/partnerships", "coverage/reassign");
    }

    /** A node a history is about, with who recorded it. */
    record Subject(Party party, String recordedBy, Instant recordedAt) {
    }

    /** A contact's details for the handover list. */
    record ContactSummary(String id, String name, String kind, String country, Region region, List<String> themes,
                          String riskLevel, List<Party> organisations, String responsibleOfficer) {
    }

    // ---- participation and follow-up ----------------------------------------------------------

    List<Participant> participants(String activity) {
        return read(tx -> tx.run(cypher.get("coverage/participants"), Map.of("activity", activity)).list(r ->
                new Participant(r.get("id").asString(), r.get("name").asString(), r.get("label").asString(),
                        TieType.valueOf(r.get("tie").asString()), followUp(r.get("followUp")), day(r.get("since")))));
    }

    /**
     * Sets the follow-up status of a participation tie; empty when the participant has no such tie.
     * Bumps the graph version when the status changed, like every write.
     */
    Optional<Boolean> setFollowUp(TieType type, String activity, String participant, FollowUp followUp) {
        return write(tx -> {
            Record row = tx.run(cypher.get("coverage/set-follow-up", type), Map.of("activity", activity,
                    "participant", participant, "followUp", followUp.name())).single();
            if (row.get("matched").asLong() == 0) {
                return Optional.<Boolean>empty();
            }
            boolean changed = row.get("changed").asLong() > 0;
            if (changed) {
                transactions.bumpVersion(tx, Changes.of(participant, activity));
            }
            return Optional.of(changed);
        });
    }

    /** Participants of visits not yet sent the report; each filter (a visit, a mandate, the responsible officer) when not null. */
    List<PendingFollowUp> pendingVisitReports(String visit, String mandate, String officer) {
        Map<String, Object> params = new HashMap<>();
        params.put("visit", visit);
        params.put("mandate", mandate);
        params.put("officer", officer);
        return read(tx -> tx.run(cypher.get("coverage/pending-visit-reports"), params).list(MemoryStore::pending));
    }

    /** Sources not yet informed of the reply; each filter (a communication, a mandate, the responsible officer) when not null. */
    List<PendingFollowUp> pendingReplies(String communication, String mandate, String officer) {
        Map<String, Object> params = new HashMap<>();
        params.put("communication", communication);
        params.put("mandate", mandate);
        params.put("officer", officer);
        return read(tx -> tx.run(cypher.get("coverage/pending-replies"), params).list(MemoryStore::pending));
    }

    private static PendingFollowUp pending(Record r) {
        return new PendingFollowUp(
                new ActivityRef(r.get("activity").asString(), r.get("kind").asString(), day(r.get("date")),
                        r.get("mandates").asList(Value::asString), r.get("country").asString(null),
                        r.get("responsibleOfficer").asString(null)),
                new Party(r.get("id").asString(), r.get("name").asString(), r.get("label").asString()),
                followUp(r.get("followUp")));
    }

    // ---- history and handover ----------------------------------------------------------------

    Optional<Subject> subject(String id) {
        return read(tx -> tx.run(cypher.get("coverage/subject"), Map.of("id", id)).list(r -> new Subject(
                new Party(r.get("id").asString(), r.get("name").asString(), r.get("label").asString()),
                r.get("recordedBy").asString(null), instant(r.get("recordedAt")))).stream().findFirst());
    }

    /** Every activity and introduction each id took part in (unsorted). */
    Map<String, List<HistoryEntry>> history(Collection<String> ids) {
        Map<String, List<HistoryEntry>> out = new LinkedHashMap<>();
        read(tx -> {
            tx.run(cypher.get("coverage/history"), Map.of("ids", List.copyOf(ids))).forEachRemaining(r ->
                    out.computeIfAbsent(r.get("subject").asString(), k -> new ArrayList<>()).add(new HistoryEntry(
                            day(r.get("date")), day(r.get("endDate")), r.get("kind").asString(),
                            r.get("role").asString(), r.get("record").asString(), r.get("title").asString(null),
                            r.get("summary").asString(null), r.get("mandates").asList(Value::asString),
                            r.get("country").asString(null), r.get("place").asString(null),
                            r.get("organiser").asString(null), r.get("status").asString(null),
                            followUp(r.get("followUp")), r.get("introducer").asString(null),
                            r.get("introduced").asString(null), r.get("recipient").asString(null),
                            r.get("recordedBy").asString(null), instant(r.get("recordedAt")))));
            return null;
        });
        return out;
    }

    /** The most recent tie with a last-contact date, per id (ids without one are absent). */
    Map<String, LastInteraction> lastContacts(Collection<String> ids) {
        return read(tx -> {
            Map<String, LastInteraction> out = new LinkedHashMap<>();
            tx.run(cypher.get("coverage/last-contacts"), Map.of("ids", List.copyOf(ids))).forEachRemaining(r ->
                    out.put(r.get("id").asString(), new LastInteraction(day(r.get("date")), r.get("type").asString(),
                            r.get("other").asString())));
            return out;
        });
    }

    /** A mandate's contacts and why each belongs (PARTNER, PARTNER_ORGANISATION, ACTIVITY). */
    Map<String, List<String>> mandateContacts(String mandate) {
        return viaMap("coverage/mandate-contacts", Map.of("mandate", mandate));
    }

    /** An officer's contacts and why each belongs (RECORDED, ACTIVITY, INTRODUCTION). */
    Map<String, List<String>> officerContacts(String officer) {
        return viaMap("coverage/officer-contacts", Map.of("officer", officer));
    }

    private Map<String, List<String>> viaMap(String statement, Map<String, Object> params) {
        return read(tx -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            tx.run(cypher.get(statement), params).forEachRemaining(r ->
                    out.put(r.get("id").asString(), r.get("via").asList(Value::asString).stream().sorted().toList()));
            return out;
        });
    }

    List<String> officerMandates(String officer) {
        return read(tx -> tx.run(cypher.get("coverage/officer-mandates"), Map.of("officer", officer))
                .list(r -> r.get("id").asString()));
    }

    List<ContactSummary> contactSummaries(Collection<String> ids) {
        return read(tx -> tx.run(cypher.get("coverage/contact-summaries"), Map.of("ids", List.copyOf(ids))).list(r ->
                new ContactSummary(r.get("id").asString(), r.get("name").asString(null), r.get("kind").asString(null),
                        r.get("country").asString(null), region(r.get("region")),
                        r.get("themes").asList(Value::asString), r.get("riskLevel").asString(null),
                        r.get("organisations").asList(o -> new Party(o.get("id").asString(), o.get("name").asString(null),
                                NodeLabel.Organisation.name())).stream().sorted(Comparator.comparing(Party::id)).toList(),
                        r.get("responsibleOfficer").asString(null))));
    }

    List<Partner> partners(Collection<String> mandates) {
        return read(tx -> tx.run(cypher.get("coverage/mandate-partners"), Map.of("mandates", List.copyOf(mandates)))
                .list(r -> new Partner(r.get("mandate").asString(), r.get("id").asString(), r.get("name").asString(),
                        r.get("label").asString(), r.get("kind").asString(null), region(r.get("region")),
                        day(r.get("since")), day(r.get("lastContact")), r.get("activities").asList(Value::asString))));
    }

    List<OpenIntroduction> openIntroductions(Collection<String> ids, String officer) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", List.copyOf(ids));
        params.put("officer", officer);
        return read(tx -> tx.run(cypher.get("coverage/open-introductions"), params).list(r -> new OpenIntroduction(
                r.get("id").asString(), r.get("introducer").asString(null), r.get("introduced").asString(null),
                r.get("recipient").asString(null), day(r.get("date")), r.get("note").asString(null),
                r.get("recordedBy").asString(null), instant(r.get("recordedAt")),
                r.get("responsibleOfficer").asString(null))));
    }

    /**
     * Moves the responsibility of {@code from} to {@code to} for the parts asked for, in one
     * transaction that bumps the graph version when anything moved, like every write.
     */
    Memory.Reassigned reassign(String from, String to, boolean contacts, boolean introductions, boolean activities) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("contacts", contacts);
        params.put("introductions", introductions);
        params.put("activities", activities);
        params.put("now", org.civnet.domain.Timestamps.now());
        return write(tx -> {
            Record row = tx.run(cypher.get("coverage/reassign"), params).single();
            Memory.Reassigned moved = new Memory.Reassigned(from, to, row.get("contacts").asLong(),
                    row.get("introductions").asLong(), row.get("activities").asLong());
            if (moved.contacts() + moved.introductions() + moved.activities() > 0) {
                transactions.bumpVersion(tx, Changes.of(row.get("moved").asList(Value::asString)));
            }
            return moved;
        });
    }

    // ---- coverage ------------------------------------------------------------------------------

    /** Everything the coverage figures are counted from, read in one transaction. */
    CoverageData coverageData() {
        return read(tx -> {
            List<Actor> actors = tx.run(cypher.get("coverage/actors")).list(r -> new Actor(
                    r.get("id").asString(),
                    "Contact".equals(r.get("label").asString()) ? ActorType.CONTACT : ActorType.ORGANISATION,
                    r.get("country").asString(null), region(r.get("region")), r.get("themes").asList(Value::asString),
                    r.get("subtype").asString(null), r.get("ecosocStatus").asString(null), day(r.get("createdAt"))));
            List<MandateInfo> mandates = tx.run(cypher.get("coverage/mandates")).list(r -> {
                String country = r.get("country").asString(null);
                boolean countryMandate = "COUNTRY".equals(r.get("kind").asString(null)) && country != null;
                return new MandateInfo(r.get("id").asString(), r.get("title").asString(null),
                        countryMandate ? Regions.regionOf(country) : null, r.get("themes").asList(Value::asString),
                        day(r.get("createdAt")));
            });
            List<Partnership> partnerships = tx.run(cypher.get("coverage/partnerships")).list(r -> new Partnership(
                    r.get("partner").asString(), r.get("mandate").asString(), day(r.get("since"))));
            return new CoverageData(actors, mandates, partnerships);
        });
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** The day of an ISO date or timestamp string ("2024-03-01", "2024-03-01T…Z"), or null. */
    static LocalDate day(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
    }

    private static Instant instant(Value value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asString());
    }

    private static Region region(Value value) {
        return value == null || value.isNull() ? null : Region.valueOf(value.asString());
    }

    private static FollowUp followUp(Value value) {
        return value == null || value.isNull() ? null : FollowUp.valueOf(value.asString());
    }

    private <T> T read(Function<TransactionContext, T> work) {
        return transactions.inRead(work);
    }

    private <T> T write(Function<TransactionContext, T> work) {
        try {
            return transactions.inWrite(work);
        } finally {
            store.versionChanged();
        }
    }
}
