package org.civnet.coverage;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.civnet.analysis.coverage.CoverageFigures;
import org.civnet.security.AuditLog;
import org.civnet.security.Redactor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coverage and gap report (every role): JSON, or CSV with {@code format=csv} or {@code Accept: text/csv}. */
@RestController
@Validated
@Tag(name = "reports")
class CoverageController {

    private final CoverageService coverage;
    private final Redactor redactor;
    private final AuditLog audit;

    CoverageController(CoverageService coverage, Redactor redactor, AuditLog audit) {
        this.coverage = coverage;
        this.redactor = redactor;
        this.audit = audit;
    }

    @GetMapping(path = "/api/reports/coverage", produces = {MediaType.APPLICATION_JSON_VALUE, CsvResponses.TEXT_CSV})
    @Operation(summary = "Coverage and gaps: contacts and organisations by region (share vs target share, gap), "
            + "country, theme, kind, organisation type and ECOSOC status; mandates with few partners or none in a "
            + "region; themes without an organisation in a region",
            description = "Shares are fractions of 1; gap = share - targetShare (negative: below target). mandate=ID "
                    + "counts that mandate's partners only; asOf=YYYY-MM-DD counts what was on record then (nodes by "
                    + "createdAt, partnerships by since); minPartners overrides civnet.coverage.min-partners.")
    ResponseEntity<Object> coverage(@RequestParam(required = false) String mandate,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(required = false) @Min(0) @Max(10_000) Integer minPartners,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = CsvResponses.wanted(format, accept);
        CoverageFigures figures = coverage.figures(mandate, asOf, minPartners);
        audit.record(AuditLog.Action.ANALYSIS, "coverage report", (mandate == null ? "whole network" : "mandate " + mandate)
                + (asOf == null ? "" : " asOf=" + asOf));
        if (!csv) {
            return CsvResponses.json(figures);
        }
        CoverageFigures shown = Redactor.currentHasClearance() ? figures : redactor.redact(figures, CoverageFigures.class);
        return CsvResponses.csv(CoverageService.csv(shown), "coverage-" + shown.asOf() + ".csv");
    }
}
