package org.civnet.consent;

import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civnet.config.CivnetProperties;
import org.civnet.domain.ConsentMethod;
import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.Sensitivity;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The follow-up list of consents that lapse soon: each current consent whose {@code until} falls
 * within the next days ({@code civnet.consent.expiring-days}, 30 by default), so the officer can ask
 * the person to renew it before referral stops using them.
 */
@Service
public class ExpiringConsents {

    /** Most rows one list returns. */
    static final int LIMIT = 1000;

    /**
     * One consent about to lapse. For a protected person a role without clearance sees the pseudonym
     * and the purpose only: the dates, how and by whom are withheld as the rest of their consent is.
     */
    public record ExpiringConsent(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name,
                                  @Sensitivity(SAFE) String responsibleOfficer, ConsentPurpose purpose,
                                  @Sensitivity(IDENTIFYING) LocalDate given, @Sensitivity(IDENTIFYING) LocalDate until,
                                  @Sensitivity(IDENTIFYING) ConsentMethod method,
                                  @Sensitivity(IDENTIFYING) String recordedBy) {
    }

    private final Transactions transactions;
    private final int defaultDays;

    public ExpiringConsents(Transactions transactions, CivnetProperties properties) {
        this.transactions = transactions.require("consent/expiring-consents");
        this.defaultDays = properties.consent().expiringDays();
    }

    /** Consents lapsing from today through {@code within} days from now (default: the configured days). */
    public List<ExpiringConsent> within(Integer within) {
        int days = within == null ? defaultDays : within;
        if (days < 0 || days > 366) {
            throw new InvalidInputException("within", "must be between 0 and 366 days");
        }
        LocalDate today = LocalDate.now();
        return transactions.read("consent/expiring-consents", Map.of("from", today.toString(),
                "to", today.plusDays(days).toString(), "limit", LIMIT), ExpiringConsents::row);
    }

    private static ExpiringConsent row(Record r) {
        return new ExpiringConsent(r.get("id").asString(), r.get("name").asString(null),
                r.get("responsibleOfficer").asString(null), ConsentPurpose.valueOf(r.get("purpose").asString()),
                date(r.get("given")), date(r.get("until")),
                r.get("method").isNull() ? null : ConsentMethod.valueOf(r.get("method").asString()),
                r.get("recordedBy").asString(null));
    }

    private static LocalDate date(Value value) {
        return value.isNull() ? null : LocalDate.parse(value.asString());
    }
}
