package org.civnet.report;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;
import org.civnet.domain.Region;
import org.civnet.snapshot.AnalysisScope;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The scope query parameters shared by every analysis endpoint, bound from the query string:
 * {@code nodes} (labels, comma-separated), {@code ties} (tie types), {@code minTrust},
 * {@code since}, {@code region}, {@code theme}. Documented as separate optional query parameters
 * ({@link ParameterObject}), not as one object.
 */
@ParameterObject
public record ScopeQuery(
        @Parameter(description = "Node labels to analyse, comma-separated (default Contact,Organisation,Mandate,Network; "
                + "Communication, CountryVisit and Training may be added). An unknown label is a 400.")
        String nodes,
        @Parameter(description = "Tie types to analyse, comma-separated (default: all), e.g. KNOWS,AFFILIATED_WITH")
        String ties,
        @Parameter(description = "Drops KNOWS ties with a trust below this (1-5); ties without trust stay")
        Integer minTrust,
        @Parameter(description = "Keeps only ties with contact since this date (ISO, e.g. 2024-01-01)")
        LocalDate since,
        @Parameter(description = "Keeps nodes of this region (and nodes without a region)")
        Region region,
        @Parameter(description = "Keeps nodes with this theme (and nodes without themes), e.g. LAND")
        String theme) {

    public AnalysisScope toScope() {
        return AnalysisScope.parse(nodes, ties, minTrust, since, region, theme);
    }
}
