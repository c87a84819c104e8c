package org.civnet.report;

/**
 * How one response type is written as CSV. Beans of this type are picked up by
 * {@link CsvMessageConverter}: a handler returns its record, and {@code format=csv} or
 * {@code Accept: text/csv} chooses this representation, after the same redaction as JSON.
 */
public interface CsvFormat<T> {

    Class<T> type();

    /** The file name offered in {@code Content-Disposition}. */
    String fileName(T value);

    /** The whole table, header row first ({@link Csv#row}). */
    String write(T value);
}
