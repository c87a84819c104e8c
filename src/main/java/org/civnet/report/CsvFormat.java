package org.civnet.report;

/**
 * How one response type is written as CSV. Beans of this type are picked up by
 * {@link CsvMessageConverter}: a handler returns its record, and {@code format=csv} or
 * {@code Accept: text/csv} chooses this representation, after the same redaction as JSON. Every
 * row (and the header) ends with the {@link Csv#PROVENANCE_COLUMNS}: {@link #graphVersion}, {@link #scope}
 * and whether the response was pseudonymised, so a file read on its own says what it describes.
 */
public interface CsvFormat<T> {

    Class<T> type();

    /** The file name offered in {@code Content-Disposition}. */
    String fileName(T value);

    /** The rows, header first, without the provenance columns (the converter adds them). */
    Csv.Table table(T value);

    /** The graph version the rows were read at (as {@code /api/graph/stats} gives it). */
    long graphVersion(T value);

    /** What the rows cover: the analysis scope, the mandate or officer, the date. */
    String scope(T value);
}
