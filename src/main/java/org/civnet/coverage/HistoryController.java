package org.civnet.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.coverage.Memory.Handover;
import org.civnet.coverage.Memory.HandoverContact;
import org.civnet.coverage.Memory.History;
import org.civnet.coverage.Memory.OpenIntroduction;
import org.civnet.coverage.Memory.Partner;
import org.civnet.coverage.Memory.PendingFollowUp;
import org.civnet.report.Csv;
import org.civnet.security.AuditLog;
import org.civnet.security.PseudonymIds;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.civnet.domain.NotFoundException;
import org.civnet.report.CsvFormat;
import org.springframework.stereotype.Component;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Institutional memory: a contact's or organisation's history, and the handover export. */
@RestController
@Tag(name = "institutional memory")
class HistoryController {

    private final HistoryService history;
    private final Reassignment reassignment;
    private final PseudonymIds ids;
    private final Redactor redactor;
    private final AuditLog audit;

    HistoryController(HistoryService history, Reassignment reassignment, PseudonymIds ids, Redactor redactor, AuditLog audit) {
        this.history = history;
        this.reassignment = reassignment;
        this.ids = ids;
        this.redactor = redactor;
        this.audit = audit;
    }

    @GetMapping("/api/history/{id}")
    @Operation(summary = "Every activity and introduction a contact or organisation took part in, newest first, "
            + "with who recorded it")
    History history(@PathVariable String id, Role role) {
        String named = ids.resolve("id", id, role);
        if (ids.hiddenFrom(role, named)) {
            throw new NotFoundException("node", id); // exactly as for an unknown id
        }
        History found = history.history(named);
        if (!Role.cleared(role) && redactor.isProtected(named)) {
            // Where a protected person was (the countries of the visits and letters they took part in)
            // locates them as surely as their own country, which these roles never see.
            return new History(found.subject(), found.recordedBy(), found.recordedAt(), found.entries().stream()
                    .map(Memory::withoutCountry).toList());
        }
        return found;
    }

    @GetMapping(path = "/api/handover", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Handover of a mandate (mandate=ID) or an officer (officer=USERNAME): contacts with their "
            + "last interaction, the mandate's partners, open introductions; JSON, or CSV (format=csv or Accept: text/csv)",
            description = "A mandate's contacts are its partners, people affiliated with its partner organisations and "
                    + "the people who took part in its communications and visits; an officer's are those the officer "
                    + "recorded or met in activities and introductions the officer recorded.")
    Handover handover(@RequestParam(required = false) String mandate,
                      @RequestParam(required = false) String officer,
                      @RequestParam(required = false) String format) {
        CsvResponses.requireKnown(format);
        Handover handover = history.handover(mandate, officer);
        audit.record(AuditLog.Action.EXPORT, mandate != null ? mandate : "officer " + officer,
                "handover (" + ("csv".equalsIgnoreCase(format) ? "csv" : "json") + "): " + handover.contacts().size()
                        + " contacts, " + handover.partners().size() + " partners, "
                        + handover.openIntroductions().size() + " open introductions, " + handover.followUps().size()
                        + " follow-ups");
        return handover;
    }

    @PostMapping("/api/handover/reassign")
    @Operation(summary = "Hand over by responsibility (ADMIN): what officer `from` is responsible for passes to `to` "
            + "(an OFFICER or ADMIN), in one transaction: contacts, open (REQUESTED) introductions and activities with "
            + "their follow-ups; each part unless set to false. Audited; answers the counts moved")
    Memory.Reassigned reassign(@RequestBody Reassignment.Request request) {
        return reassignment.reassign(request);
    }

    /** The handover as one CSV table. */
    @Component
    static class HandoverCsv implements CsvFormat<Handover> {
        @Override
        public Class<Handover> type() {
            return Handover.class;
        }

        @Override
        public String fileName(Handover handover) {
            return "handover-" + (handover.mandate() != null ? "mandate" : "officer") + ".csv";
        }

        @Override
        public Csv.Table table(Handover handover) {
            return handoverCsv(handover);
        }

        @Override
        public long graphVersion(Handover handover) {
            return handover.graphVersion();
        }

        @Override
        public String scope(Handover handover) {
            return handover.mandate() != null ? "mandate=" + handover.mandate() : "officer=" + handover.officer();
        }
    }

    static final List<String> HANDOVER_COLUMNS = List.of("section", "mandate", "id", "name", "label", "kind", "country",
            "region", "themes", "riskLevel", "organisations", "via", "lastInteractionDate", "lastInteractionKind",
            "lastInteractionRecord", "since", "lastContact", "activities", "introducer", "introduced", "recipient",
            "date", "note", "recordedBy", "responsibleOfficer", "activity", "activityKind", "followUp");

    /** One table: contacts, then partners, then open introductions, then follow-ups, told apart by {@code section}. */
    static Csv.Table handoverCsv(Handover h) {
        Csv.Table out = new Csv.Table(HANDOVER_COLUMNS);
        for (HandoverContact c : h.contacts()) {
            var last = c.lastInteraction();
            out.add(row(c(
                    "section", "contact", "mandate", h.mandate(), "id", c.id(), "name", c.name(), "label", "Contact",
                    "kind", c.kind(), "country", c.country(), "region", c.region(), "themes", join(c.themes()),
                    "riskLevel", c.riskLevel(),
                    "organisations", join(c.organisations().stream().map(o -> o.name() == null ? o.id() : o.name()).toList()),
                    "via", join(c.via()),
                    "lastInteractionDate", last == null ? null : last.date(),
                    "lastInteractionKind", last == null ? null : last.kind(),
                    "lastInteractionRecord", last == null ? null : last.record(),
                    "responsibleOfficer", c.responsibleOfficer())));
        }
        for (Partner p : h.partners()) {
            out.add(row(c(
                    "section", "partner", "mandate", p.mandate(), "id", p.id(), "name", p.name(), "label", p.label(),
                    "kind", p.kind(), "region", p.region(), "since", p.since(), "lastContact", p.lastContact(),
                    "activities", join(p.activities()))));
        }
        for (OpenIntroduction i : h.openIntroductions()) {
            out.add(row(c(
                    "section", "openIntroduction", "mandate", h.mandate(), "id", i.id(), "label", "Introduction",
                    "introducer", i.introducer(), "introduced", i.introduced(), "recipient", i.recipient(),
                    "date", i.date(), "note", i.note(), "recordedBy", i.recordedBy(),
                    "responsibleOfficer", i.responsibleOfficer())));
        }
        // A participant still to be followed up: who (id, name, label), after which activity, and its status.
        for (PendingFollowUp f : h.followUps()) {
            out.add(row(c(
                    "section", "followUp", "mandate", join(f.activity().mandates()), "id", f.participant().id(),
                    "name", f.participant().name(), "label", f.participant().label(), "date", f.activity().date(),
                    "responsibleOfficer", f.activity().responsibleOfficer(), "activity", f.activity().id(),
                    "activityKind", f.activity().kind(), "followUp", f.followUp())));
        }
        return out;
    }

    /** Cells given as column/value pairs, placed under their columns. */
    private static Object[] c(Object... pairs) {
        Object[] cells = new Object[HANDOVER_COLUMNS.size()];
        for (int i = 0; i < pairs.length; i += 2) {
            int column = HANDOVER_COLUMNS.indexOf((String) pairs[i]);
            if (column < 0) {
                throw new IllegalArgumentException("no column " + pairs[i]);
            }
            cells[column] = pairs[i + 1] == null ? null : pairs[i + 1].toString();
        }
        return cells;
    }

    private static List<Object> row(Object[] cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(";", values);
    }
}
