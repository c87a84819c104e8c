package org.civnet.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.civnet.demo.DemoNetwork;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.civnet.network.Contact;
import org.civnet.network.Mandate;
import org.civnet.network.Network;
import org.civnet.network.NetworkDocument;
import org.civnet.domain.NodeLabel;
import org.civnet.network.Organisation;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.network.Tie;
import org.civnet.snapshot.GraphData;

/**
 * The benchmark networks: the seeded demo generator at a given size with about ten ties per
 * contact, turned into the same {@link GraphData} columns that {@code SnapshotReader} reads from
 * Neo4j ({@code cypher/snapshot/graph.cypher}), so the in-memory figures
 * measure the same snapshot the service builds, without the store.
 */
final class DemoGraphs {

    /** KNOWS ties per contact; the other tie types add about one more per contact. */
    static final double KNOWS_PER_CONTACT = 9.0;
    static final long SEED = 42L;

    private DemoGraphs() {
    }

    static DemoNetwork generate(int contacts) {
        return DemoNetworkGenerator.generate(DemoNetworkGenerator.Options.defaults()
                .withContacts(contacts).withAverageKnowsPerContact(KNOWS_PER_CONTACT).withSeed(SEED));
    }

    /** Columns as the snapshot reader would produce them after importing {@code document}. */
    static GraphData toGraphData(NetworkDocument document) {
        GraphData.Builder b = new GraphData.Builder().graphVersion(1);
        for (Contact raw : document.contacts()) {
            Contact c = raw.normalised(raw.id());
            b.node(c.id(), NodeLabel.Contact, c.name(), c.kind().name(), c.country(), c.region(),
                    themes(c.themes()), c.riskLevel(), c.consentToIntroduce(), c.confidential(), day(c.createdAt()));
        }
        for (Organisation raw : document.organisations()) {
            Organisation o = raw.normalised(raw.id());
            b.node(o.id(), NodeLabel.Organisation, o.name(), o.type().name(), o.country(), o.region(),
                    themes(o.themes()), RiskLevel.NONE, false, false, day(o.createdAt()));
        }
        for (Mandate raw : document.mandates()) {
            Mandate m = raw.normalised(raw.id());
            b.node(m.id(), NodeLabel.Mandate, m.title(), m.kind().name(), m.country(), null, themes(m.themes()),
                    RiskLevel.NONE, false, false, day(m.createdAt()));
        }
        for (Network raw : document.networks()) {
            Network n = raw.normalised(raw.id());
            b.node(n.id(), NodeLabel.Network, n.name(), null, null, null, themes(n.themes()), RiskLevel.NONE,
                    false, false, day(n.createdAt()));
        }
        for (Communication c : document.communications()) {
            b.node(c.id(), NodeLabel.Communication, c.type().name(), c.type().name(), c.country(), (Region) null,
                    null, RiskLevel.NONE, false, false, day(c.createdAt()));
        }
        for (CountryVisit v : document.countryVisits()) {
            b.node(v.id(), NodeLabel.CountryVisit, v.country(), null, v.country(), null, null, RiskLevel.NONE,
                    false, false, day(v.createdAt()));
        }
        for (Training t : document.trainings()) {
            b.node(t.id(), NodeLabel.Training, t.title(), null, null, null, null, RiskLevel.NONE, false, false,
                    day(t.createdAt()));
        }
        for (Tie t : document.ties()) {
            b.tie(t.from(), t.to(), t.type(), t.trust() == null ? 0 : t.trust(), day(t.since()), day(t.lastContact()));
        }
        return b.build();
    }

    /** Rows an import of {@code document} receives (every section). */
    static long rowCount(NetworkDocument d) {
        return (long) d.contacts().size() + d.organisations().size() + d.mandates().size() + d.networks().size()
                + d.communications().size() + d.countryVisits().size() + d.trainings().size() + d.ties().size()
                + d.introductions().size();
    }

    private static String[] themes(List<String> themes) {
        return themes == null ? new String[0] : themes.toArray(String[]::new);
    }

    private static int day(Instant instant) {
        return instant == null ? GraphData.NO_DATE : (int) instant.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static int day(LocalDate date) {
        return date == null ? GraphData.NO_DATE : (int) date.toEpochDay();
    }
}
