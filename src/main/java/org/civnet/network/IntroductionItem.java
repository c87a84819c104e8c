package org.civnet.network;

import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.Instant;
import java.time.LocalDate;

import org.civnet.domain.IntroductionStatus;
import org.civnet.domain.Sensitivity;

/**
 * An introduction as a list shows it: the fields of {@link Introduction} as {@code GET
 * /api/introductions/{id}} gives them, who recorded it, and the three people with their display
 * names, so a page needs no call per row. The names are nested {@link Person} records rather than
 * flat fields: the redaction pseudonymises a {@code NAME} by the id of the record that holds it, so
 * each name must sit beside its own person's id to be hidden when that person is protected.
 */
public record IntroductionItem(
        @Sensitivity(SAFE) String id,
        @Sensitivity(SAFE) String introducer,
        @Sensitivity(SAFE) String introduced,
        @Sensitivity(SAFE) String recipient,
        IntroductionStatus status,
        LocalDate date,
        @Sensitivity(FREE_TEXT) String note,
        @Sensitivity(SAFE) String responsibleOfficer,
        Instant createdAt,
        Instant updatedAt,
        @Sensitivity(SAFE) String recordedBy,
        Person introducerContact,
        Person introducedContact,
        Person recipientContact) {

    /** One of the three people: id and display name (a protected person's both become the pseudonym). */
    public record Person(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name) {
    }

    static IntroductionItem of(Introduction i, String recordedBy, String introducerName, String introducedName,
                               String recipientName) {
        return new IntroductionItem(i.id(), i.introducer(), i.introduced(), i.recipient(), i.status(), i.date(), i.note(),
                i.responsibleOfficer(), i.createdAt(), i.updatedAt(), recordedBy,
                new Person(i.introducer(), introducerName), new Person(i.introduced(), introducedName),
                new Person(i.recipient(), recipientName));
    }
}
