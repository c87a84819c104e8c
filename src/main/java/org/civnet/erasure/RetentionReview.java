package org.civnet.erasure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.civnet.config.CivnetProperties;
import org.civnet.domain.ContactKind;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.Sensitivity;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

/**
 * Contacts to review for retention: nothing happened with them (no activity they took part in, no tie
 * contact, no introduction, no update of the record) for {@code civnet.retention.review-after-years}.
 * A list for a person to decide on (keep, or erase); civnet never deletes anyone by itself.
 */
@Service
public class RetentionReview {

    static final int MAX_SIZE = 1000;

    /** One contact to review, and the day of its last sign of life (null when none is recorded). */
    public record Item(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name, ContactKind kind,
                       @Sensitivity(IDENTIFYING) String country, @Sensitivity(SAFE) String responsibleOfficer,
                       LocalDate lastActivity) {
    }

    /** The review: contacts whose last sign of life is before {@code cutoff}, oldest first. */
    public record Review(LocalDate asOf, int years, LocalDate cutoff, long total, int page, int size, List<Item> items) {
    }

    private final Transactions transactions;
    private final int defaultYears;

    public RetentionReview(Transactions transactions, CivnetProperties properties) {
        this.transactions = transactions.require("retention/review-contacts");
        this.defaultYears = properties.retention().reviewAfterYears();
    }

    public Review review(Integer years, LocalDate asOf, int page, int size) {
        int span = years == null ? defaultYears : years;
        if (span < 1 || span > 100) {
            throw new InvalidInputException("years", "must be between 1 and 100");
        }
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        LocalDate cutoff = day.minusYears(span);
        Map<String, Object> params = Map.of("cutoff", cutoff.toString(), "skip", (long) page * size, "limit", size);
        return transactions.read("retention/review-contacts", params, r -> new Review(day, span, cutoff,
                r.get("total").asLong(), page, size, r.get("items").asList(RetentionReview::item))).get(0);
    }

    private static Item item(Value v) {
        String last = v.get("lastActivity").asString(null);
        String kind = v.get("kind").asString(null);
        return new Item(v.get("id").asString(), v.get("name").asString(null), kind == null ? null : ContactKind.valueOf(kind),
                v.get("country").asString(null), v.get("responsibleOfficer").asString(null),
                last == null ? null : LocalDate.parse(last));
    }
}
