package org.civnet.report;

import java.time.LocalDate;

import org.civnet.domain.Region;
import org.civnet.snapshot.AnalysisScope;

/**
 * The scope query parameters shared by every analysis endpoint, bound from the query string:
 * {@code nodes} (labels, comma-separated), {@code ties} (tie types), {@code minTrust},
 * {@code since}, {@code region}, {@code theme}.
 */
public record ScopeQuery(String nodes, String ties, Integer minTrust, LocalDate since, Region region, String theme) {

    public AnalysisScope toScope() {
        return AnalysisScope.parse(nodes, ties, minTrust, since, region, theme);
    }
}
