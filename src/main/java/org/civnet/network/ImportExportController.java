package org.civnet.network;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.civnet.domain.Purpose;
import org.civnet.security.AuditLog;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.civnet.security.ShownInFullTo;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.civnet.domain.InvalidInputException;

@RestController
@Tag(name = "import and export")
class ImportExportController {

    private final NetworkImporter importer;
    private final NetworkExporter exporter;
    private final Redactor redactor;
    private final AuditLog audit;

    ImportExportController(NetworkImporter importer, NetworkExporter exporter, Redactor redactor, AuditLog audit) {
        this.importer = importer;
        this.exporter = exporter;
        this.redactor = redactor;
        this.audit = audit;
    }

    private ImportReport audited(String what, ImportReport report) {
        audit.record(AuditLog.Action.IMPORT, what, (report.dryRun() ? "dry run: " : "") + report.sections().entrySet().stream()
                .map(e -> e.getKey() + " +" + e.getValue().created() + " ~" + e.getValue().updated() + " x" + e.getValue().rejected())
                .reduce((a, b) -> a + ", " + b).orElse("empty"));
        return report;
    }

    /**
     * What {@code role} may import: ADMIN anything, OFFICER only activity participants
     * ({@link ImportScope}); SecurityConfig lets no other role reach the import, and this refuses one anyway.
     */
    private static ImportScope scopeOf(Role role) {
        if (role == Role.ADMIN) {
            return ImportScope.EVERYTHING;
        }
        if (role == Role.OFFICER) {
            return ImportScope.PARTICIPANTS;
        }
        throw new org.springframework.security.access.AccessDeniedException("only administrators and officers import");
    }

    @PostMapping(path = "/api/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a network document (JSON); upsert by id; rejected rows are reported and write nothing",
            description = "ADMIN imports anything; OFFICER only activity participants: a document with nothing but a ties "
                    + "section of SOURCE_OF, MET_DURING and ATTENDED ties (anything else is a 403 naming it).")
    ImportReport importJson(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun, Role role)
            throws IOException {
        ImportScope scope = scopeOf(role);
        try (InputStream in = request.getInputStream()) {
            return audited("json", importer.importJson(in, dryRun, scope));
        }
    }

    @PostMapping(path = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import CSV files (contacts.csv, organisations.csv, mandates.csv, networks.csv, ties.csv, …)",
            description = "ADMIN imports any file; OFFICER only ties.csv holding SOURCE_OF, MET_DURING and ATTENDED ties "
                    + "(anything else is a 403 naming it).")
    ImportReport importCsv(MultipartHttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                           Role role) throws IOException {
        ImportScope scope = scopeOf(role);
        Map<String, InputStream> files = new LinkedHashMap<>();
        try {
            // Several files may share one part name (curl -F file=@contacts.csv -F file=@ties.csv).
            for (MultipartFile file : request.getMultiFileMap().values().stream().flatMap(java.util.List::stream).toList()) {
                String name = file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()
                        ? file.getOriginalFilename() : file.getName();
                files.put(name, file.getInputStream());
            }
            if (files.isEmpty()) {
                throw new InvalidInputException("(files)", "attach at least one CSV file, e.g. contacts.csv");
            }
            return audited(String.join(",", files.keySet()), importer.importCsv(files, dryRun, scope));
        } finally {
            for (InputStream in : files.values()) {
                in.close();
            }
        }
    }

    @GetMapping(path = "/api/export", produces = {MediaType.APPLICATION_JSON_VALUE, "application/graphml+xml",
            "application/gexf+xml"})
    @ShownInFullTo(Role.ADMIN)
    @Operation(summary = "Export the network: JSON document (default, re-importable), or format=graphml|gexf. "
            + "Only ADMIN gets the full export; every other role gets confidential and at-risk people as pseudonyms.",
            description = "With a purpose (INTRODUCTION, MANDATE_SUBMISSION) only contacts whose consent covers it today are"
                    + " exported (INTRODUCTION: consent to introduce or to be introduced; MANDATE_SUBMISSION: to be named to a"
                    + " mandate), without the ties and introductions of those left out; the headers Civnet-Purpose and"
                    + " Civnet-Left-Out say which purpose and how many contacts were left out.")
    NetworkDocument export(@RequestParam(defaultValue = "json") String format,
                           @RequestParam(required = false) Purpose purpose, Role role, HttpServletResponse response) {
        if (!java.util.Set.of("json", "graphml", "gexf").contains(format.toLowerCase())) {
            throw new InvalidInputException("format", "must be one of json, graphml, gexf");
        }
        boolean full = role == Role.ADMIN;
        NetworkDocument document = exporter.document();
        String stated = "";
        if (purpose != null) {
            int all = document.contacts().size();
            document = document.forPurpose(purpose, java.time.LocalDate.now());
            int leftOut = all - document.contacts().size();
            response.setHeader("Civnet-Purpose", purpose.name());
            response.setHeader("Civnet-Left-Out", String.valueOf(leftOut));
            stated = ", purpose " + purpose + ", " + leftOut + " contacts left out without consent";
        }
        audit.record(AuditLog.Action.EXPORT, format.toLowerCase(), (full ? "full" : "pseudonymised") + stated);
        // Ordered by what the caller sees: a pseudonym's place in the file must not tell its real id.
        return full ? document : document.orderedBy(redactor::shownId);
    }
}
