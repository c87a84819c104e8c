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
}
