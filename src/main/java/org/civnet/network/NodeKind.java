package org.civnet.network;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.civnet.domain.Ids;
import org.civnet.domain.NodeLabel;

/**
 * How one kind of node is stored: its label, record type, id prefix for generated ids, and how a
 * record is normalised (defaults, derived region). One generic store serves every kind.
 */
public record NodeKind<T>(
        NodeLabel label,
        Class<T> type,
        String idPrefix,
        Function<T, String> idOf,
        BiFunction<T, String, T> normaliser,
        Function<NetworkDocument, List<T>> inDocument) {

    public static final NodeKind<Contact> CONTACT = new NodeKind<>(NodeLabel.Contact, Contact.class, "c",
            Contact::id, Contact::normalised, NetworkDocument::contacts);
    public static final NodeKind<Organisation> ORGANISATION = new NodeKind<>(NodeLabel.Organisation,
            Organisation.class, "o", Organisation::id, Organisation::normalised, NetworkDocument::organisations);
    public static final NodeKind<Mandate> MANDATE = new NodeKind<>(NodeLabel.Mandate, Mandate.class, "m",
            Mandate::id, Mandate::normalised, NetworkDocument::mandates);
    public static final NodeKind<Network> NETWORK = new NodeKind<>(NodeLabel.Network, Network.class, "n",
            Network::id, Network::normalised, NetworkDocument::networks);
    public static final NodeKind<Communication> COMMUNICATION = new NodeKind<>(NodeLabel.Communication,
            Communication.class, "comm", Communication::id, Activities::normalised, NetworkDocument::communications);
    public static final NodeKind<CountryVisit> COUNTRY_VISIT = new NodeKind<>(NodeLabel.CountryVisit,
            CountryVisit.class, "visit", CountryVisit::id, Activities::normalised, NetworkDocument::countryVisits);
    public static final NodeKind<Training> TRAINING = new NodeKind<>(NodeLabel.Training, Training.class, "training",
            Training::id, Activities::normalised, NetworkDocument::trainings);

    /** In dependency order for imports: nothing here refers to a later kind. */
    public static final List<NodeKind<?>> ALL = List.of(CONTACT, ORGANISATION, MANDATE, NETWORK, COMMUNICATION,
            COUNTRY_VISIT, TRAINING);

    /** The property name of the import document's section for this kind (e.g. "countryVisits"). */
    public String section() {
        return switch (label) {
            case Contact -> "contacts";
            case Organisation -> "organisations";
            case Mandate -> "mandates";
            case Network -> "networks";
            case Communication -> "communications";
            case CountryVisit -> "countryVisits";
            case Training -> "trainings";
            case Introduction -> "introductions";
        };
    }

    public T normalise(T record) {
        String id = idOf.apply(record);
        return normaliser.apply(record, id == null || id.isBlank() ? Ids.generate(idPrefix) : id);
    }
}
