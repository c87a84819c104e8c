package org.civnet.coverage;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.civnet.analysis.coverage.CoverageFigures;
import org.civnet.security.AuditLog;
import org.civnet.report.Csv;
import org.civnet.report.CsvFormat;
import org.springframework.stereotype.Component;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coverage and gap report (every role): JSON, or CSV with {@code format=csv} or {@code Accept: text/csv}. */
@RestController
@Validated
@Tag(name = "reports")
class CoverageController {

    private final CoverageService coverage;
    private final AuditLog audit;

    CoverageController(CoverageService coverage, AuditLog audit) {
        this.coverage = coverage;
        this.audit = audit;
    }

    @GetMapping(path = "/api/reports/coverage", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Coverage and gaps: contacts and organisations by region (share vs target share, gap), "
            + "country, theme, kind, organisation type and ECOSOC status; mandates with few partners or none in a "
            + "region; themes without an organisation in a region",
            description = "Shares are fractions of 1; gap = share - targetShare (negative: below target). mandate=ID "
                    + "counts that mandate's partners only; asOf=YYYY-MM-DD counts what was on record then (nodes by "
                    + "createdAt, partnerships by since); minPartners overrides civnet.coverage.min-partners.")
    CoverageFigures coverage(@RequestParam(required = false) String mandate,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) @Min(0) @Max(10_000) Integer minPartners,
                             @RequestParam(required = false) String format) {
        CsvResponses.requireKnown(format);
        CoverageFigures figures = coverage.figures(mandate, asOf, minPartners);
        audit.record(AuditLog.Action.ANALYSIS, "coverage report", (mandate == null ? "whole network" : "mandate " + mandate)
                + (asOf == null ? "" : " asOf=" + asOf));
        return figures;
    }

    /** The coverage report as one CSV table. */
    @Component
    static class CoverageCsv implements CsvFormat<CoverageFigures> {
        @Override
        public Class<CoverageFigures> type() {
            return CoverageFigures.class;
        }

        @Override
        public String fileName(CoverageFigures figures) {
            return "coverage-" + figures.asOf() + ".csv";
        }

        @Override
        public Csv.Table table(CoverageFigures figures) {
            return CoverageService.csv(figures);
        }

        @Override
        public long graphVersion(CoverageFigures figures) {
            return figures.graphVersion();
        }

        @Override
        public String scope(CoverageFigures figures) {
            return CoverageService.scope(figures);
        }
    }
}
