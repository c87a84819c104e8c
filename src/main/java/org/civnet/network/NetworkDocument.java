package org.civnet.network;

import java.util.List;

import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;

/**
 * The whole network as one JSON document: the import format, the export format and the backup
 * format. Field names match the API.
 */
public record NetworkDocument(
        List<Contact> contacts,
        List<Organisation> organisations,
        List<Mandate> mandates,
        List<Network> networks,
        List<Communication> communications,
        List<CountryVisit> countryVisits,
        List<Training> trainings,
        List<Tie> ties,
        List<Introduction> introductions) {

    public NetworkDocument {
        contacts = contacts == null ? List.of() : contacts;
        organisations = organisations == null ? List.of() : organisations;
        mandates = mandates == null ? List.of() : mandates;
        networks = networks == null ? List.of() : networks;
        communications = communications == null ? List.of() : communications;
        countryVisits = countryVisits == null ? List.of() : countryVisits;
        trainings = trainings == null ? List.of() : trainings;
        ties = ties == null ? List.of() : ties;
        introductions = introductions == null ? List.of() : introductions;
    }

    /**
     * The same document where each contact, introduction and activity that names no responsible
     * officer names {@code recordedBy.apply(id)} (null: still none). A backup written before records
     * had one is restored so, as the start-up migration treats a store written before: who recorded a
     * record is responsible for it (otherwise the restoring administrator, who writes it, would be).
     */
    public NetworkDocument withResponsibleOfficers(java.util.function.UnaryOperator<String> recordedBy) {
        return new NetworkDocument(
                contacts.stream().map(c -> c.responsibleOfficer() != null ? c
                        : c.withResponsibleOfficer(recordedBy.apply(c.id()))).toList(),
                organisations, mandates, networks,
                communications.stream().map(c -> c.responsibleOfficer() != null ? c : new Communication(c.id(), c.type(),
                        c.date(), c.country(), c.mandates(), c.summary(), recordedBy.apply(c.id()), c.createdAt(),
                        c.updatedAt())).toList(),
                countryVisits.stream().map(v -> v.responsibleOfficer() != null ? v : new CountryVisit(v.id(), v.mandate(),
                        v.country(), v.startDate(), v.endDate(), recordedBy.apply(v.id()), v.createdAt(), v.updatedAt()))
                        .toList(),
                trainings.stream().map(t -> t.responsibleOfficer() != null ? t : new Training(t.id(), t.title(), t.date(),
                        t.place(), t.organiser(), recordedBy.apply(t.id()), t.createdAt(), t.updatedAt())).toList(),
                ties,
                introductions.stream().map(i -> i.responsibleOfficer() != null ? i : new Introduction(i.id(),
                        i.introducer(), i.introduced(), i.recipient(), i.status(), i.date(), i.note(),
                        recordedBy.apply(i.id()), i.createdAt(), i.updatedAt())).toList());
    }

    /** The same document with every contact passed through {@code change}. */
    public NetworkDocument withContacts(java.util.function.UnaryOperator<Contact> change) {
        return new NetworkDocument(contacts.stream().map(change).toList(), organisations, mandates, networks,
                communications, countryVisits, trainings, ties, introductions);
    }

    /**
     * The same document without the contacts whose consent does not cover {@code purpose} on {@code day}
     * ({@link org.civnet.domain.Purpose#covers}), their ties, and the introductions that name them.
     */
    public NetworkDocument forPurpose(org.civnet.domain.Purpose purpose, java.time.LocalDate day) {
        java.util.Set<String> leftOut = new java.util.HashSet<>();
        List<Contact> kept = contacts.stream().filter(c -> {
            boolean covered = purpose.covers(c.consent(), day);
            if (!covered) {
                leftOut.add(c.id());
            }
            return covered;
        }).toList();
        return new NetworkDocument(kept, organisations, mandates, networks, communications, countryVisits, trainings,
                ties.stream().filter(t -> !leftOut.contains(t.from()) && !leftOut.contains(t.to())).toList(),
                introductions.stream().filter(i -> !leftOut.contains(i.introducer()) && !leftOut.contains(i.introduced())
                        && !leftOut.contains(i.recipient())).toList());
    }

    /** The same document with every list ordered by the ids as {@code shown} (a caller's view of them). */
    public NetworkDocument orderedBy(java.util.function.UnaryOperator<String> shown) {
        return new NetworkDocument(sorted(contacts, Contact::id, shown), sorted(organisations, Organisation::id, shown),
                sorted(mandates, Mandate::id, shown), sorted(networks, Network::id, shown),
                sorted(communications, Communication::id, shown), sorted(countryVisits, CountryVisit::id, shown),
                sorted(trainings, Training::id, shown),
                sorted(ties, t -> shown.apply(t.from()) + "\u0000" + shown.apply(t.to()) + "\u0000" + t.type(), s -> s),
                sorted(introductions, Introduction::id, shown));
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> key,
                                      java.util.function.UnaryOperator<String> shown) {
        return items.stream().sorted(java.util.Comparator.comparing(t -> shown.apply(key.apply(t)))).toList();
    }
}
