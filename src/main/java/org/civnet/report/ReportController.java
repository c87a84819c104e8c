package org.civnet.report;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.civnet.security.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for API consumers (every role): the centrality report as JSON or CSV. */
@RestController
@Validated
@Tag(name = "reports")
class ReportController {

    private final CentralityService centrality;
    private final AuditLog audit;

    ReportController(CentralityService centrality, AuditLog audit) {
        this.centrality = centrality;
        this.audit = audit;
    }

    @GetMapping(path = "/api/reports/centrality", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Centrality report as JSON, or CSV with a header row (Accept: text/csv or format=csv)")
    CentralityService.Report centrality(@ModelAttribute ScopeQuery query,
                                        @RequestParam(defaultValue = "degree") String metric,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(100_000) int top,
                                        @RequestParam(defaultValue = "true") boolean normalized,
                                        @RequestParam(defaultValue = "false") boolean weighted,
                                        @Parameter(description = AnalysisController.APPROX) @RequestParam(required = false) String approx,
                                        @Parameter(description = AnalysisController.EPSILON) @RequestParam(required = false) Double epsilon,
                                        @Parameter(description = AnalysisController.DELTA) @RequestParam(required = false) Double delta,
                                        @Parameter(description = AnalysisController.TOP_K) @RequestParam(required = false) Integer topK,
                                        @RequestParam(defaultValue = "42") long seed,
                                        @RequestParam(required = false) String format) {
        BetweennessSampling sampling = BetweennessSampling.parse(approx, epsilon, delta, topK);
        var scope = query.toScope();
        audit.record(AuditLog.Action.ANALYSIS, "centrality report", scope.describe() + " " + metric);
        return centrality.report(scope, new CentralityService.Request(
                CentralityService.metric(metric), top, normalized, weighted, null, seed, null, null).sampled(sampling));
    }

    /** The centrality report as CSV: rank, id, name, label, kind, region and the measure (then graphVersion, scope, pseudonymised). */
    @Component
    static class CentralityCsv implements CsvFormat<CentralityService.Report> {
        @Override
        public Class<CentralityService.Report> type() {
            return CentralityService.Report.class;
        }

        @Override
        public String fileName(CentralityService.Report report) {
            return "centrality-" + report.metric() + ".csv";
        }

        @Override
        public Csv.Table table(CentralityService.Report shown) {
            Csv.Table table = new Csv.Table(List.of("rank", "id", "name", "label", "kind", "region", shown.metric()));
            int rank = 0;
            for (CentralityService.Score s : shown.scores()) {
                table.add(java.util.Arrays.asList(++rank, s.id(), s.name(), s.label(), s.kind(), s.region(), s.score()));
            }
            return table;
        }

        @Override
        public long graphVersion(CentralityService.Report report) {
            return report.graphVersion();
        }

        @Override
        public String scope(CentralityService.Report report) {
            return report.scope();
        }
    }
}
