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
