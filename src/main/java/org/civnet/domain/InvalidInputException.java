package org.civnet.domain;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.List;

/** Input that passed parsing but breaks a rule of the domain; answered with 400 listing each field. */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field (JSON path) and why. */
    public record FieldProblem(@Sensitivity(SAFE) String field, @Sensitivity(SAFE) String reason) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
