package org.civnet.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal CSV writing for reports: RFC 4180 quoting, and cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) are prefixed with a single quote.
 * Numbers are written as numbers (a negative number is not text and stays as it is).
 */
public final class Csv {

    private Csv() {
    }

    /** The columns every CSV report ends with: the graph version, the scope and the pseudonymisation flag. */
    public static final List<String> PROVENANCE_COLUMNS = List.of("graphVersion", "scope", "pseudonymised");

    /**
     * A table: a header row and rows of as many cells. {@link CsvMessageConverter} writes it with the
     * {@link #PROVENANCE_COLUMNS} appended to the header and to every row.
     */
    public static final class Table {
        private final List<String> columns;
        private final List<List<?>> rows = new ArrayList<>();

        public Table(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        /** Adds a row; it must have one cell per column (null for an empty cell). */
        public Table add(List<?> cells) {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
            }
            rows.add(new ArrayList<>(cells));
            return this;
        }

        public List<String> columns() {
            return columns;
        }

        public int size() {
            return rows.size();
        }

        /** The table as CSV, each row (the header too) followed by {@code extraColumns} / {@code extraCells}. */
        public String write(List<String> extraColumns, List<?> extraCells) {
            StringBuilder out = new StringBuilder();
            List<Object> header = new ArrayList<>(columns);
            header.addAll(extraColumns);
            out.append(row(header));
            for (List<?> cells : rows) {
                List<Object> line = new ArrayList<>(cells);
                line.addAll(extraCells);
                out.append(row(line));
            }
            return out.toString();
        }
    }

    public static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
