package org.civnet.report;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.civnet.security.AuditLog;
import org.civnet.security.Redactor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for API consumers (every role): the centrality report as JSON or CSV. */
@RestController
@Validated
@Tag(name = "reports")
class ReportController {

    private final CentralityService centrality;
    private final Redactor redactor;
    private final AuditLog audit;

    ReportController(CentralityService centrality, Redactor redactor, AuditLog audit) {
        this.centrality = centrality;
        this.redactor = redactor;
        this.audit = audit;
    }

    @GetMapping(path = "/api/reports/centrality", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Centrality report as JSON, or CSV with a header row (Accept: text/csv or format=csv)")
    ResponseEntity<?> centrality(@ModelAttribute ScopeQuery query,
                                 @RequestParam(defaultValue = "degree") String metric,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(100_000) int top,
                                 @RequestParam(defaultValue = "true") boolean normalized,
                                 @RequestParam(defaultValue = "false") boolean weighted,
                                 @RequestParam(required = false) @Min(1) @Max(100_000) Integer approx,
                                 @RequestParam(defaultValue = "42") long seed,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        var scope = query.toScope();
        audit.record(AuditLog.Action.ANALYSIS, "centrality report", scope.describe() + " " + metric);
        CentralityService.Report report = centrality.report(scope, new CentralityService.Request(
                CentralityService.metric(metric), top, normalized, weighted, approx, seed, null, null));
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        CentralityService.Report shown;
        if (Redactor.currentHasClearance()) {
            // The CSV bypasses RedactionAdvice (not JSON): audit the protected people it names here, as JSON would be.
            shown = report;
            audit.recordConfidentialReads(redactor.protectedIdsIn(report), "GET /api/reports/centrality");
        } else {
            shown = redactor.redact(report, CentralityService.Report.class);
        }
        StringBuilder out = new StringBuilder(Csv.row(List.of("rank", "id", "name", "label", "kind", "region", shown.metric())));
        int rank = 0;
        for (CentralityService.Score s : shown.scores()) {
            out.append(Csv.row(java.util.Arrays.asList(++rank, s.id(), s.name(), s.label(), s.kind(), s.region(), s.score())));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=centrality-" + shown.metric() + ".csv")
                .body(out.toString());
    }
}
