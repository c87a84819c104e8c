package org.civnet.network;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row of an import, typed by its section, with where it came from: {@code number} is the
 * element's position in a JSON section or the line in a CSV file (header = 1).
 */
sealed interface ImportRow permits ImportRow.NodeRow, ImportRow.TieRow, ImportRow.IntroductionRow {

    String TIES = "ties";
    String INTRODUCTIONS = "introductions";

    /** The section of the network document the row belongs to ("contacts", "ties", …). */
    String section();

    String file();

    long number();

    Object record();

    /** What a refused row is reported by: the id it gave (null when none), or a tie's type and ends. */
    String reportedId();

    /** A row of one of the node sections. */
    record NodeRow<T>(NodeKind<T> kind, String file, long number, T record) implements ImportRow {
        @Override
        public String section() {
            return kind.section();
        }

        @Override
        public String reportedId() {
            return kind.idOf().apply(record);
        }
    }

    record TieRow(String file, long number, Tie record) implements ImportRow {
        @Override
        public String section() {
            return TIES;
        }

        @Override
        public String reportedId() {
            return record.type() + " " + record.from() + "->" + record.to();
        }
    }

    record IntroductionRow(String file, long number, Introduction record) implements ImportRow {
        @Override
        public String section() {
            return INTRODUCTIONS;
        }

        @Override
        public String reportedId() {
            return record.id();
        }
    }

    /** Every section in the order imports write them: nodes (in {@link NodeKind#ALL} order), ties, introductions. */
    static List<String> sectionsInOrder() {
        return Stream.concat(NodeKind.ALL.stream().map(NodeKind::section), Stream.of(TIES, INTRODUCTIONS)).toList();
    }

    /** How the rows of one section are read: the record type and the row it becomes. */
    record Section<T>(String name, Class<T> type, RowMaker<T> maker) {

        interface RowMaker<T> {
            ImportRow make(String file, long number, T record);
        }

        static <T> Section<T> of(NodeKind<T> kind) {
            return new Section<>(kind.section(), kind.type(), (file, number, record) -> new NodeRow<>(kind, file, number, record));
        }

        /** The section of this name, or null when a network document has none. */
        static Section<?> named(String name) {
            for (NodeKind<?> kind : NodeKind.ALL) {
                if (kind.section().equals(name)) {
                    return of(kind);
                }
            }
            return switch (name) {
                case TIES -> new Section<>(TIES, Tie.class, TieRow::new);
                case INTRODUCTIONS -> new Section<>(INTRODUCTIONS, Introduction.class, IntroductionRow::new);
                default -> null;
            };
        }

        ImportRow read(ObjectMapper json, String file, long number, JsonNode node) throws JsonProcessingException {
            return maker.make(file, number, json.treeToValue(node, type));
        }

        /** The rows of records already in memory, numbered by position. */
        void addAll(List<T> records, Consumer<ImportRow> rows) {
            long number = 0;
            for (T record : records == null ? List.<T>of() : records) {
                rows.accept(maker.make(name, ++number, record));
            }
        }
    }
}
