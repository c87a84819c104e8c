package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.List;
import java.util.Map;

import org.civnet.domain.InvalidInputException.FieldProblem;

/**
 * What an import did: per section what came in, what was created or really changed, and every
 * rejected row with its file, row number and reasons. A rejected row wrote nothing.
 */
public record ImportReport(
        boolean dryRun,
        @Sensitivity(SAFE) Map<String, SectionCounts> sections,
        List<RejectedRow> rejected,
        long graphVersion,
        long millis) {

    /** Counts for one section ("contacts", "ties", …). */
    public record SectionCounts(long received, long accepted, long created, long updated, long rejected) {
    }

    /**
     * One refused row. {@code row} is 1-based: the element's position in a JSON section, or the
     * line number in a CSV file (the header is line 1).
     */
    public record RejectedRow(@Sensitivity(SAFE) String file, long row, @Sensitivity(SAFE) String id, @Sensitivity(SAFE) String reason, List<FieldProblem> problems) {
    }
}
