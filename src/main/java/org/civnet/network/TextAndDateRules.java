package org.civnet.network;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import org.civnet.domain.InvalidInputException.FieldProblem;

/**
 * Rules every field of every record obeys, whatever its kind, so they are checked once here by
 * walking the record's components rather than repeated as annotations on each field:
 *
 * <ul>
 *   <li>dates and timestamps lie within the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}: an
 *       analysis computes with them (days since last contact), and a year such as -9999 is a typing
 *       error, not history;</li>
 *   <li>text holds no control characters (Unicode category Cc), except tab and line breaks in the
 *       free-text fields ({@link #FREE_TEXT}): they are invisible, break CSV and XML exports, and no
 *       name needs them;</li>
 *   <li>a required text ({@link NotBlank}) is not made of Unicode spaces only (no-break spaces
 *       U+00A0, U+2007, U+202F pass {@code @NotBlank});</li>
 *   <li>a list ({@code themes}, {@code channels}, …) holds no {@code null}: it would be stored as
 *       nothing, or fail where the list is de-duplicated.</li>
 * </ul>
 */
final class TextAndDateRules {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    static final String DATE_RANGE = "must be within the years " + FIRST_YEAR + " to " + LAST_YEAR;

    /** Fields meant for prose, where tab, line feed and carriage return are allowed. */
    static final Set<String> FREE_TEXT = Set.of("notes", "summary", "note");

    private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z");

    /** A record component: its name, how to read it, and whether it is a required text. */
    private record Component(String name, Method accessor, boolean required) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                // @NotBlank does not target record components; javac copies it to the accessor.
                components.add(new Component(c.getName(), accessor, accessor.isAnnotationPresent(NotBlank.class)));
            }
            return List.copyOf(components);
        }
    };

    private TextAndDateRules() {
    }

    /** The problems of a record's fields under these rules; empty for anything but a record. */
    static List<FieldProblem> check(Object record) {
        List<FieldProblem> problems = new ArrayList<>();
        if (record == null || !record.getClass().isRecord()) {
            return problems;
        }
        for (Component component : COMPONENTS.get(record.getClass())) {
            Object value = valueOf(component, record);
            String field = component.name();
            if (value instanceof LocalDate date && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
                problems.add(new FieldProblem(field, DATE_RANGE));
            } else if (value instanceof Instant at && (at.isBefore(FIRST_INSTANT) || !at.isBefore(AFTER_LAST_INSTANT))) {
                problems.add(new FieldProblem(field, DATE_RANGE));
            } else if (value instanceof String text) {
                checkText(field, text, component.required(), problems);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == null) {
                        problems.add(new FieldProblem(field + "[" + i + "]", "must not be null"));
                    } else if (list.get(i) instanceof String text) {
                        checkText(field + "[" + i + "]", text, false, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void checkText(String field, String text, boolean required, List<FieldProblem> problems) {
        boolean freeText = FREE_TEXT.contains(field);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                problems.add(new FieldProblem(field, "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + ")" + (freeText ? "; tab and line breaks are allowed" : "")));
                return;
            }
        }
        // @NotBlank reports a value that trim() empties (characters up to U+0020); this catches every
        // other Unicode space it misses. Not String.isBlank(): it counts U+3000, U+2028 and others
        // as blank too, which @NotBlank does not, and such a name was stored (and stripped to "").
        if (required && !text.trim().isEmpty() && isUnicodeBlank(text)) {
            problems.add(new FieldProblem(field, "must not be blank (it holds only spaces)"));
        }
    }

    /** True when every character is a space or whitespace in Unicode's sense, no-break spaces included. */
    static boolean isUnicodeBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static Object valueOf(Component component, Object record) {
        try {
            return component.accessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.name(), e);
        }
    }
}
