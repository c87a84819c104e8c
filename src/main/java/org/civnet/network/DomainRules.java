package org.civnet.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.civnet.domain.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import org.civnet.domain.FollowUp;
import org.civnet.domain.MandateKind;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;

/**
 * The rules a record must meet before it is stored, shared by the CRUD endpoints and the importer
 * so a row the API would refuse is refused by an import too.
 */
@Component
public class DomainRules {

    private final Validator validator;

    public DomainRules(Validator validator) {
        this.validator = validator;
    }

    /** Everything wrong with a record, field by field; empty when it may be stored. */
    public List<FieldProblem> check(Object record) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<ConstraintViolation<Object>> violations = validator.validate(record);
        violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .forEach(problems::add);
        String country = countryOf(record);
        if (country != null && country.matches("[A-Z]{2}") && !Regions.isKnownCountry(country)) {
            problems.add(new FieldProblem("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        if (record instanceof Mandate m && m.kind() == MandateKind.COUNTRY && (m.country() == null || m.country().isBlank())) {
            problems.add(new FieldProblem("country", "is required for a COUNTRY mandate"));
        }
        if (record instanceof Activities.CountryVisit v && v.startDate() != null && v.endDate() != null
                && v.endDate().isBefore(v.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        }
        if (record instanceof Contact c) {
            problems.addAll(ConsentRules.check(c.consent()));
        }
        if (record instanceof Tie t) {
            problems.addAll(checkTieFields(t));
        }
        if (record instanceof Introduction i) {
            problems.addAll(checkIntroductionFields(i));
        }
        problems.addAll(TextAndDateRules.check(record));
        return problems;
    }

    private static String countryOf(Object record) {
        if (record instanceof Contact c) {
            return c.country();
        } else if (record instanceof Organisation o) {
            return o.country();
        } else if (record instanceof Mandate m) {
            return m.country();
        } else if (record instanceof Activities.Communication c) {
            return c.country();
        } else if (record instanceof Activities.CountryVisit v) {
            return v.country();
        }
        return null;
    }

    private static List<FieldProblem> checkTieFields(Tie t) {
        List<FieldProblem> problems = new ArrayList<>();
        if (t.type() == null) {
            return problems;
        }
        if (t.trust() != null && !t.type().hasTrust()) {
            problems.add(new FieldProblem("trust", "applies to KNOWS ties only"));
        }
        if (t.role() != null && t.type() != TieType.AFFILIATED_WITH) {
            problems.add(new FieldProblem("role", "applies to AFFILIATED_WITH ties only"));
        }
        if (t.activities() != null && !t.activities().isEmpty() && t.type() != TieType.PARTNERS_WITH) {
            problems.add(new FieldProblem("activities", "applies to PARTNERS_WITH ties only"));
        }
        if (t.followUp() != null && !t.followUp().appliesTo(t.type())) {
            problems.add(new FieldProblem("followUp", FollowUp.allowedFor(t.type()).isEmpty()
                    ? "applies to MET_DURING and SOURCE_OF ties only"
                    : "must be one of " + FollowUp.allowedFor(t.type()) + " for " + t.type()));
        }
        if (t.from() != null && t.from().equals(t.to())) {
            problems.add(new FieldProblem("to", "a tie must join two different nodes"));
        }
        if (t.since() != null && t.lastContact() != null && t.lastContact().isBefore(t.since())) {
            problems.add(new FieldProblem("lastContact", "is before since"));
        }
        return problems;
    }

    /** An introducer introduces someone else to a third person: the three are different people. */
    private static List<FieldProblem> checkIntroductionFields(Introduction i) {
        List<FieldProblem> problems = new ArrayList<>();
        if (i.introducer() != null && i.introducer().equals(i.recipient())) {
            problems.add(new FieldProblem("recipient", "cannot be the introducer"));
        }
        if (i.introducer() != null && i.introducer().equals(i.introduced())) {
            problems.add(new FieldProblem("introduced", "cannot be the introducer"));
        }
        return problems;
    }

    /** Whether a tie of this type may join nodes of these kinds; null when it may. */
    public static FieldProblem checkTieEnds(Tie t, NodeLabel from, NodeLabel to) {
        if (from == null) {
            return new FieldProblem("from", "node '" + t.from() + "' does not exist");
        }
        if (to == null) {
            return new FieldProblem("to", "node '" + t.to() + "' does not exist");
        }
        if (!t.type().fits(from, to)) {
            return new FieldProblem("type", t.type() + " joins " + t.type().fromLabels() + " to " + t.type().toLabels()
                    + ", not " + from + " to " + to);
        }
        return null;
    }

    /**
     * The mandates an activity names (a communication's {@code mandates}, a visit's {@code mandate})
     * must be stored mandates; null when they are, or when the record names none.
     */
    public static FieldProblem checkActivityMandates(Object record, java.util.function.Function<String, NodeLabel> labelOf) {
        for (String id : Activities.mandatesNamedBy(record)) {
            NodeLabel label = labelOf.apply(id);
            if (label == null) {
                return new FieldProblem(Activities.mandateField(record), "mandate '" + id + "' does not exist");
            }
            if (label != NodeLabel.Mandate) {
                return new FieldProblem(Activities.mandateField(record), "'" + id + "' is a " + label + ", not a Mandate");
            }
        }
        return null;
    }

    /** Introductions join three contacts; an erased person's tombstone may stand for one (a restored backup). */
    public static FieldProblem checkIntroductionEnds(Introduction i, java.util.function.Function<String, NodeLabel> labelOf) {
        for (String[] end : new String[][] {{"introducer", i.introducer()}, {"introduced", i.introduced()},
                {"recipient", i.recipient()}}) {
            NodeLabel label = labelOf.apply(end[1]);
            if (label == null && org.civnet.domain.Erased.isTombstone(end[1])) {
                continue;
            }
            if (label == null) {
                return new FieldProblem(end[0], "contact '" + end[1] + "' does not exist");
            }
            if (label != NodeLabel.Contact) {
                return new FieldProblem(end[0], "'" + end[1] + "' is a " + label + ", not a Contact");
            }
        }
        if (i.introduced().equals(i.recipient())) {
            return new FieldProblem("recipient", "cannot be the person introduced");
        }
        return null;
    }
}
