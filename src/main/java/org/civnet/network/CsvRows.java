package org.civnet.network;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.civnet.domain.InvalidInputException;

/**
 * Reads the CSV import files: a header row naming the same fields as the JSON document, one record
 * per line (row numbers in reports are line numbers, the header being line 1); list fields ({@code themes}, {@code channels}, {@code activities},
 * a communication's {@code mandates}) hold values
 * separated by {@code ;}; an empty cell means "not given". Each line becomes the JSON object the
 * document would have held, so both formats pass the same checks.
 */
final class CsvRows {

    static final Set<String> LIST_FIELDS = Set.of("themes", "channels", "activities", "mandates");
    static final List<String> FILE_NAMES = List.of("contacts.csv", "organisations.csv", "mandates.csv", "networks.csv",
            "communications.csv", "country-visits.csv", "trainings.csv", "ties.csv", "introductions.csv");
    private static final Map<String, String> SECTIONS = Map.of(
            "contacts", "contacts", "organisations", "organisations", "mandates", "mandates", "networks", "networks",
            "communications", "communications", "countryvisits", "countryVisits", "trainings", "trainings",
            "ties", "ties", "introductions", "introductions");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();

    private CsvRows() {
    }

    interface RowHandler {
        void accept(long lineNumber, ObjectNode row);
    }

    /** The document section a file name stands for, or null ("country-visits.csv" → "countryVisits"). */
    static String sectionOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.toLowerCase(Locale.ROOT);
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        if (base.endsWith(".csv")) {
            base = base.substring(0, base.length() - 4);
        }
        return SECTIONS.get(base.replace("-", "").replace("_", ""));
    }

    static void read(InputStream in, RowHandler handler, String fileName) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = openRows(in, schema, fileName)) {
            long line = 1;
            boolean headerChecked = false;
            while (true) {
                Map<String, String> cells;
                try {
                    boolean more = rows.hasNextValue();
                    if (!headerChecked) {
                        requireHeader(rows, fileName);
                        headerChecked = true;
                    }
                    if (!more) {
                        break;
                    }
                    cells = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    if (e instanceof InvalidInputException invalid) {
                        throw invalid;
                    }
                    throw new InvalidInputException(fileName, line == 1 ? "has no readable header row (is the file empty?)"
                            : "is not valid CSV after line " + line + " (check quoting and the number of columns)");
                }
                line++;
                handler.accept(line, toObject(cells));
            }
        }
    }

    private static MappingIterator<Map<String, String>> openRows(InputStream in, CsvSchema schema, String fileName) {
        try {
            return CSV.readerFor(Map.class).with(schema).readValues(in);
        } catch (IOException | RuntimeException e) {
            // Jackson reads the header as it opens the file: an empty file fails here.
            throw new InvalidInputException(fileName, "has no readable header row (is the file empty?)");
        }
    }

    /**
     * The header names each field once: with a column twice, one of the two values would be
     * silently dropped (Jackson keeps the last).
     */
    private static void requireHeader(MappingIterator<Map<String, String>> rows, String fileName) {
        CsvSchema header = (CsvSchema) rows.getParser().getSchema();
        if (header == null || header.size() == 0) {
            throw new InvalidInputException(fileName, "has no readable header row (is the file empty?)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CsvSchema.Column column : header) {
            if (!seen.add(column.getName())) {
                throw new InvalidInputException(fileName, "names the column '" + column.getName() + "' twice in its header");
            }
        }
    }

    private static ObjectNode toObject(Map<String, String> cells) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String value = cell.getValue();
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (LIST_FIELDS.contains(cell.getKey())) {
                var list = node.putArray(cell.getKey());
                for (String item : value.split(";")) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            } else {
                node.put(cell.getKey(), value);
            }
        }
        return node;
    }
}
