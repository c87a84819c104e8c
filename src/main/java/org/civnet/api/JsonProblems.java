package org.civnet.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.civnet.domain.InvalidInputException.FieldProblem;

/** Turns Jackson's parse failures into a field name and a reason a person can act on. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static FieldProblem describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldProblem("(body)", "is not well-formed JSON");
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "(body)";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(field, "is not a known field (known: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new FieldProblem(field, "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")));
            }
            return new FieldProblem(field, "must be " + expected(target));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldProblem(field, "must be one JSON document (found more after its end)");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldProblem(field, "must be " + expected(mismatch.getTargetType()));
        }
        if (mapping.getCause() != null && mapping.getCause().getClass().getName().startsWith("java.time")) {
            return new FieldProblem(field, "must be " + expected(java.time.LocalDate.class));
        }
        return new FieldProblem(field, "cannot be read");
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == java.time.LocalDate.class) {
            return "a date like 2024-03-01";
        }
        if (target == java.time.Instant.class) {
            return "a timestamp like 2024-03-01T10:00:00Z";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
