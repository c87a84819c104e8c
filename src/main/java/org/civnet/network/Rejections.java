package org.civnet.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.domain.InvalidInputException.FieldProblem;

/**
 * The refused rows of one import, in memory that does not grow with their number: the first
 * {@value #LISTED} by file and row in full, and a count per reason for all of them. A refused row
 * is dropped once counted, so a hostile file of a million bad rows costs no more than a thousand.
 */
final class Rejections {

    static final int LISTED = 1000;
    /** Distinct reasons counted apart; reasons carry no row values, so this is only reached by odd input. */
    static final int REASONS = 100;
    static final String OTHER_REASONS = "(other reasons)";

    static final Comparator<RejectedRow> ORDER = Comparator.comparing(RejectedRow::file)
            .thenComparingLong(RejectedRow::row);

    /** Quoted values begin as ids and codes do (this leaves the rules' own quoted characters, e.g. '.'). */
    private static final Pattern QUOTED_VALUE = Pattern.compile("'[\\p{L}\\p{N}][^']*'");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\brow \\d+");
    private static final Pattern CODE_POINT = Pattern.compile("U\\+[0-9A-F]{4,6}");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    /** The largest of the kept rows at the head, so a row that comes before it replaces it. */
    private final PriorityQueue<RejectedRow> firstRows = new PriorityQueue<>(ORDER.reversed());
    private final Map<String, Long> byReason = new HashMap<>();
    private long total;

    void add(RejectedRow row) {
        total++;
        String key = reasonKey(row.problems());
        if (byReason.containsKey(key) || byReason.size() < REASONS) {
            byReason.merge(key, 1L, Long::sum);
        } else {
            byReason.merge(OTHER_REASONS, 1L, Long::sum);
        }
        if (firstRows.size() < LISTED) {
            firstRows.add(row);
        } else if (ORDER.compare(row, firstRows.peek()) < 0) {
            firstRows.poll();
            firstRows.add(row);
        }
    }

    long total() {
        return total;
    }

    /** The first {@value #LISTED} refused rows by file, then row. */
    List<RejectedRow> listed() {
        List<RejectedRow> rows = new ArrayList<>(firstRows);
        rows.sort(ORDER);
        return rows;
    }

    /** Every refused row counted by reason, most frequent first (then by reason, for a stable order). */
    Map<String, Long> byReason() {
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * A row's problems without the row's own values: field (list positions dropped) and rule, e.g.
     * {@code country: '…' is not an ISO 3166-1 alpha-2 country code} for every unknown country.
     */
    static String reasonKey(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> INDEX.matcher(p.field()).replaceAll("[]") + ": " + ruleOf(p.reason()))
                .distinct()
                .sorted()       // the rules report problems of one field in no fixed order
                .collect(Collectors.joining("; "));
    }

    private static String ruleOf(String reason) {
        String rule = QUOTED_VALUE.matcher(reason).replaceAll("'…'");
        rule = ROW_NUMBER.matcher(rule).replaceAll("row …");
        return CODE_POINT.matcher(rule).replaceAll("U+…");
    }

    /** The reason text of a refused row: each problem as "field reason", joined. */
    static String reasonOf(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; "));
    }
}
