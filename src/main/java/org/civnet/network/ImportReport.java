package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.List;
import java.util.Map;

import org.civnet.domain.InvalidInputException.FieldProblem;

/**
 * What an import did: per section what came in, what was created or really changed, and the
 * rejected rows. A rejected row wrote nothing.
 *
 * <p>The report is bounded whatever the input: {@code rejected} lists the first
 * {@value Rejections#LISTED} refused rows in full (by file, then row), {@code rejectedTotal}
 * counts them all, and {@code rejectedByReason} counts them all by a reason that leaves the
 * row's own values out (so a million rows refused for the same rule are one entry).
 *
 * @param rejected         the first {@value Rejections#LISTED} refused rows, by file then row
 * @param rejectedTotal    every refused row (the sum of the sections' {@code rejected})
 * @param rejectedByReason every refused row counted by its reason without values, most frequent
 *                         first; at most {@value Rejections#REASONS} reasons, the rest under
 *                         {@value Rejections#OTHER_REASONS}
 */
public record ImportReport(
        boolean dryRun,
        @Sensitivity(SAFE) Map<String, SectionCounts> sections,
        List<RejectedRow> rejected,
        long rejectedTotal,
        @Sensitivity(SAFE) Map<String, Long> rejectedByReason,
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
