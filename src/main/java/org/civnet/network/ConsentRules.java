package org.civnet.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.Consent;
import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.ConsentRecord;
import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.security.AuditLog;
import org.springframework.stereotype.Component;

/**
 * How a contact's consent is written: the old yes/no {@code consentToIntroduce} becomes an
 * {@code introduce} record when the write carries none (of unknown date, current until the review
 * date, {@code civnet.consent.review-date}); where both are given and disagree, the record wins; a
 * record with a date and no {@code recordedBy} names the user who writes. A PATCH naming only the
 * yes/no field is read as what an officer means by it today: "no" withdraws a current consent to
 * introduce today, "yes" records one given today.
 */
@Component
public class ConsentRules {

    private final CivnetProperties.Consent settings;

    public ConsentRules(CivnetProperties properties) {
        this.settings = properties.consent();
    }

    /** Until when a consent of unknown date counts: the configured review date, else a year from today. */
    public LocalDate reviewDate() {
        return settings.reviewDate() != null ? settings.reviewDate() : LocalDate.now().plusYears(1);
    }

    /** The contact as it is stored: consent as records only, the yes/no field turned into one. */
    public Contact resolve(Contact contact) {
        Consent consent = contact.consent() == null ? Consent.NONE : contact.consent();
        if (consent.introduce() == null && Boolean.TRUE.equals(contact.consentToIntroduce())) {
            consent = consent.with(ConsentPurpose.INTRODUCE, new ConsentRecord(null, reviewDate(), null, null, null));
        }
        String user = writer();
        if (user != null) {
            consent = consent.map(r -> r.given() != null && r.recordedBy() == null ? r.withRecordedBy(user) : r);
        }
        return contact.withConsent(consent.none() ? null : consent, null);
    }

    /**
     * A merge patch of {@code current} where a yes/no {@code consentToIntroduce} without an
     * {@code introduce} record in the same patch is turned into one (withdrawn today, or given today).
     */
    public JsonNode translate(JsonNode patch, Contact current) {
        if (!(patch instanceof ObjectNode object) || !object.path("consentToIntroduce").isBoolean()
                || object.path("consent").has("introduce")) {
            return patch;
        }
        LocalDate today = LocalDate.now();
        ConsentRecord before = current.consent() == null ? null : current.consent().introduce();
        boolean yes = object.get("consentToIntroduce").asBoolean();
        ObjectNode record = object.objectNode();
        if (!yes && before != null && before.withdrawn() == null) {
            record.put("withdrawn", today.toString());
        } else if (yes && (before == null || !before.currentOn(today))) {
            // a new record replaces the old one whole: null clears what a merge would keep
            record.put("given", today.toString()).put("until", reviewDate().isAfter(today)
                    ? reviewDate().toString() : today.plusYears(1).toString());
            record.putNull("method").putNull("recordedBy").putNull("withdrawn");
        } else {
            return patch;
        }
        ObjectNode copy = object.deepCopy();
        JsonNode consent = copy.get("consent");
        ObjectNode consentPatch = consent instanceof ObjectNode o ? o : copy.putObject("consent");
        consentPatch.set("introduce", record);
        return copy;
    }

    /** What is wrong with a consent: dates out of order, a recorder who is not a user name. */
    static List<FieldProblem> check(Consent consent) {
        List<FieldProblem> problems = new ArrayList<>();
        if (consent == null) {
            return problems;
        }
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            ConsentRecord r = consent.of(purpose);
            if (r == null) {
                continue;
            }
            String at = "consent." + purpose.key() + ".";
            requireInRange(problems, at + "given", r.given());
            requireInRange(problems, at + "until", r.until());
            requireInRange(problems, at + "withdrawn", r.withdrawn());
            if (r.given() != null && r.until() != null && r.until().isBefore(r.given())) {
                problems.add(new FieldProblem(at + "until", "is before given"));
            }
            if (r.given() != null && r.withdrawn() != null && r.withdrawn().isBefore(r.given())) {
                problems.add(new FieldProblem(at + "withdrawn", "is before given"));
            }
            if (r.recordedBy() != null && !r.recordedBy().matches(org.civnet.domain.Officers.PATTERN)) {
                problems.add(new FieldProblem(at + "recordedBy", org.civnet.domain.Officers.MESSAGE));
            }
        }
        return problems;
    }

    private static void requireInRange(List<FieldProblem> problems, String field, LocalDate date) {
        if (date != null && (date.getYear() < TextAndDateRules.FIRST_YEAR || date.getYear() > TextAndDateRules.LAST_YEAR)) {
            problems.add(new FieldProblem(field, TextAndDateRules.DATE_RANGE));
        }
    }

    private static String writer() {
        String user = AuditLog.currentUser();
        return "anonymous".equals(user) ? null : user;
    }
}
