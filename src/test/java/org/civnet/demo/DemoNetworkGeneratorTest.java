package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civnet.demo.DemoNetworkGenerator.Options;
import org.civnet.network.Contact;
import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.Ids;
import org.civnet.network.Introduction;
import org.civnet.domain.IntroductionStatus;
import org.civnet.network.Mandate;
import org.civnet.domain.MandateKind;
import org.civnet.network.NetworkDocument;
import org.civnet.domain.NodeLabel;
import org.civnet.network.Organisation;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.network.Regions;
import org.civnet.domain.RiskLevel;
import org.civnet.network.Themes;
import org.civnet.network.Tie;
import org.civnet.domain.TieType;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoNetworkGeneratorTest {
    private static DemoNetwork demo;
    private static NetworkDocument doc;
    private static Map<String, NodeLabel> labels;
    private static Map<String, Set<String>> neighbours;

    @BeforeAll
    static void generateDefault() {
        demo = DemoNetworkGenerator.generate();
        doc = demo.document();
        labels = labelsById(doc);
        neighbours = undirectedAdjacency(doc.ties());
    }

    // ------------------------------------------------------------------ options

    @Test
    void rejectsNullAndOutOfRangeOptions() {
        assertThatThrownBy(() -> DemoNetworkGenerator.generate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Options(199, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(2000, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(2000, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(2000, 101, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Options.defaults()).isEqualTo(new Options(2000, 6.0, 42));
        assertThat(Options.defaults().withContacts(300).withSeed(7).withAverageKnowsPerContact(3))
                .isEqualTo(new Options(300, 3, 7));
    }

    @Test
    void smallestAllowedNetworkStillHasEverything() {
        DemoNetwork small = DemoNetworkGenerator.generate(new Options(Options.MIN_CONTACTS, 1, 3));
        assertThat(small.document().contacts()).hasSize(Options.MIN_CONTACTS);
        assertThat(small.isolatedGroups()).hasSize(2);
        assertWellFormed(small.document());
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameOptionsGiveAnEqualDocumentAndOtherSeedsDoNot() {
        DemoNetwork again = DemoNetworkGenerator.generate(Options.defaults());
        assertThat(again).isEqualTo(demo);
        DemoNetwork other = DemoNetworkGenerator.generate(Options.defaults().withSeed(43));
        assertThat(other.document()).isNotEqualTo(doc);
        assertThat(other.document().ties()).isNotEqualTo(doc.ties());
        assertThat(other.document().contacts()).isNotEqualTo(doc.contacts());
    }

    // ------------------------------------------------------------------ contacts

    @Test
    void regionSharesMatchTheSeedWithinTwoPoints() {
        Map<Region, Long> counts = doc.contacts().stream()
                .collect(Collectors.groupingBy(Contact::region, () -> new EnumMap<>(Region.class), Collectors.counting()));
        Map<Region, Double> expected = Map.of(Region.ENACA, 32.0, Region.ASIA_PACIFIC, 22.0,
                Region.LATIN_AMERICA_CARIBBEAN, 21.0, Region.AFRICA, 12.0, Region.ARAB_REGION, 13.0);
        for (Region region : Region.values()) {
            assertThat(100.0 * counts.get(region) / doc.contacts().size()).as(region.name())
                    .isCloseTo(expected.get(region), within(2.0));
        }
    }

    @Test
    void everyContactsRegionIsDerivedFromItsCountry() {
        assertThat(doc.contacts()).hasSize(2000).allSatisfy(c -> {
            assertThat(Regions.isKnownCountry(c.country())).as(c.id()).isTrue();
            assertThat(c.region()).as(c.id()).isNotNull().isEqualTo(Regions.regionOf(c.country()));
        });
        assertThat(doc.organisations()).allSatisfy(o -> assertThat(o.region()).isEqualTo(Regions.regionOf(o.country())));
    }

    @Test
    void contactsAreConcentratedInAFewCountriesPerRegion() {
        for (Region region : Region.values()) {
            List<Long> perCountry = doc.contacts().stream().filter(c -> c.region() == region)
                    .collect(Collectors.groupingBy(Contact::country, Collectors.counting())).values().stream()
                    .sorted((a, b) -> Long.compare(b, a)).toList();
            long total = perCountry.stream().mapToLong(Long::longValue).sum();
            long topFive = perCountry.stream().limit(5).mapToLong(Long::longValue).sum();
            assertThat((double) topFive / total).as(region.name()).isGreaterThan(0.5);
        }
    }

    @Test
    void contactAttributesHaveTheSeedsProportions() {
        int n = doc.contacts().size();
        long atRisk = doc.contacts().stream().filter(c -> c.riskLevel() != RiskLevel.NONE).count();
        long confidential = doc.contacts().stream().filter(Contact::confidential).count();
        long consenting = doc.contacts().stream().filter(Contact::consentToIntroduce).count();
        assertThat(100.0 * atRisk / n).isBetween(6.0, 10.0);
        assertThat(100.0 * confidential / n).isBetween(3.5, 7.0);
        assertThat(100.0 * consenting / n).isBetween(55.0, 65.0);
        assertThat(doc.contacts()).allSatisfy(c -> {
            assertThat(c.id()).matches("c-\\d{6}");
            assertThat(c.name()).isNotBlank();
            assertThat(c.themes()).isNotEmpty().allSatisfy(t -> assertThat(t).matches(Themes.PATTERN));
            assertThat(c.themes()).doesNotHaveDuplicates();
            assertThat(c.channels()).allSatisfy(ch -> assertThat(ch).satisfiesAnyOf(
                    x -> assertThat(x).endsWith("@example.org"), x -> assertThat(x).startsWith("signal:")));
        });
        assertThat(doc.contacts().stream().filter(c -> !c.channels().isEmpty()).count()).isBetween(400L, 1000L);
        Map<ContactKind, Long> kinds = doc.contacts().stream()
                .collect(Collectors.groupingBy(Contact::kind, Collectors.counting()));
        assertThat(kinds.keySet()).contains(ContactKind.DEFENDER, ContactKind.VICTIM, ContactKind.JOURNALIST,
                ContactKind.LAWYER, ContactKind.ACADEMIC, ContactKind.UN_STAFF);
        assertThat(kinds.get(ContactKind.UN_STAFF)).isBetween(3L, 20L);
        Contact hro = byId(doc.contacts(), Contact::id).get(demo.hroContactId());
        assertThat(hro.kind()).isEqualTo(ContactKind.UN_STAFF);
        assertThat(neighbours.get(hro.id()).size()).isGreaterThan(30);
    }

    // ------------------------------------------------------------------ organisations, mandates, networks

    @Test
    void organisationsFollowTheSeedsMix() {
        List<Organisation> orgs = doc.organisations();
        assertThat(orgs.size()).isBetween(2000 / 10, 2000 / 6);
        Map<OrganisationType, Long> types = orgs.stream()
                .collect(Collectors.groupingBy(Organisation::type, Collectors.counting()));
        long national = types.get(OrganisationType.NGO_NATIONAL);
        assertThat(types.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(national));
        assertThat(types).containsKeys(OrganisationType.VICTIMS_GROUP, OrganisationType.ACADEMIC,
                OrganisationType.PROFESSIONAL_ASSOCIATION, OrganisationType.FAITH_BASED, OrganisationType.NHRI,
                OrganisationType.UN_ENTITY, OrganisationType.NGO_INTERNATIONAL);
        long withEcosoc = orgs.stream().filter(o -> o.ecosocStatus() != EcosocStatus.NONE).count();
        assertThat(100.0 * withEcosoc / orgs.size()).isBetween(25.0, 35.0);
        Map<String, Long> nhriPerCountry = orgs.stream().filter(o -> o.type() == OrganisationType.NHRI)
                .collect(Collectors.groupingBy(Organisation::country, Collectors.counting()));
        assertThat(nhriPerCountry.values()).containsOnly(1L);
        long affiliated = doc.ties().stream().filter(t -> t.type() == TieType.AFFILIATED_WITH).map(Tie::from)
                .distinct().count();
        assertThat((double) affiliated / doc.contacts().size()).isGreaterThan(0.8);
    }

    @Test
    void sixtyMandatesWithOneToMoreThanTwentyPartners() {
        assertThat(doc.mandates()).hasSize(60);
        assertThat(doc.mandates().stream().filter(m -> m.kind() == MandateKind.THEMATIC)).hasSize(45);
        assertThat(doc.mandates().stream().filter(m -> m.kind() == MandateKind.COUNTRY))
                .hasSize(15).allSatisfy(m -> assertThat(Regions.isKnownCountry(m.country())).isTrue());
        assertThat(doc.mandates().stream().map(Mandate::holderType).distinct()).hasSize(3);
        Map<String, Long> partners = doc.ties().stream().filter(t -> t.type() == TieType.PARTNERS_WITH)
                .collect(Collectors.groupingBy(Tie::to, Collectors.counting()));
        assertThat(partners).hasSize(60);
        assertThat(partners.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(1);
        assertThat(partners.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(20);
        assertThat(doc.ties().stream().filter(t -> t.type() == TieType.PARTNERS_WITH)
                .map(t -> labels.get(t.from())).distinct()).containsExactlyInAnyOrder(NodeLabel.Organisation,
                NodeLabel.Contact);
        // Partners of a thematic mandate work on one of its themes.
        Map<String, Mandate> mandates = byId(doc.mandates(), Mandate::id);
        Map<String, Organisation> orgs = byId(doc.organisations(), Organisation::id);
        doc.ties().stream().filter(t -> t.type() == TieType.PARTNERS_WITH)
                .filter(t -> mandates.get(t.to()).kind() == MandateKind.THEMATIC && orgs.containsKey(t.from()))
                .forEach(t -> assertThat(orgs.get(t.from()).themes()).containsAnyElementsOf(mandates.get(t.to()).themes()));
    }

    @Test
    void aboutTwentyNetworksWithMembers() {
        assertThat(doc.networks()).hasSize(20);
        Map<String, Long> members = doc.ties().stream().filter(t -> t.type() == TieType.MEMBER_OF)
                .collect(Collectors.groupingBy(Tie::to, Collectors.counting()));
        assertThat(members).hasSize(20);
        assertThat(members.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
    }

    // ------------------------------------------------------------------ ties

    @Test
    void everyTieIsWellFormed() {
        assertWellFormed(doc);
    }

    @Test
    void knowsTiesHaveTrustAndDatesUpToTheFixedToday() {
        LocalDate first = LocalDate.of(2015, 1, 1);
        List<Tie> knows = doc.ties().stream().filter(t -> t.type() == TieType.KNOWS).toList();
        assertThat(knows.size()).isBetween(11_900, 12_100); // 6 per contact, plus introductions made
        assertThat(knows).allSatisfy(t -> {
            assertThat(t.trust()).isBetween(1, 5);
            assertThat(t.since()).isBetween(first, DemoNetworkGenerator.TODAY.minusDays(1));
            assertThat(t.lastContact()).isBetween(t.since(), DemoNetworkGenerator.TODAY.minusDays(1));
        });
        Map<Integer, Long> trust = knows.stream().collect(Collectors.groupingBy(Tie::trust, Collectors.counting()));
        assertThat(trust.get(3) + trust.get(4)).isGreaterThan(knows.size() / 2);
        assertThat(trust.get(1)).isLessThan(trust.get(3));
        assertThat(doc.ties()).allSatisfy(t -> assertThat(t.since()).isNotNull()
                .isBefore(DemoNetworkGenerator.TODAY));
    }

    @Test
    void africaAndTheArabRegionHaveFewerCrossRegionTies() {
        Map<String, Contact> contacts = byId(doc.contacts(), Contact::id);
        Map<Region, Integer> crossEnds = new EnumMap<>(Region.class);
        for (Tie t : doc.ties()) {
            if (t.type() == TieType.KNOWS) {
                Region a = contacts.get(t.from()).region();
                Region b = contacts.get(t.to()).region();
                if (a != b) {
                    crossEnds.merge(a, 1, Integer::sum);
                    crossEnds.merge(b, 1, Integer::sum);
                }
            }
        }
        Map<Region, Long> size = doc.contacts().stream()
                .collect(Collectors.groupingBy(Contact::region, () -> new EnumMap<>(Region.class), Collectors.counting()));
        Function<Region, Double> perContact = r -> crossEnds.get(r) / (double) size.get(r);
        for (Region underserved : List.of(Region.AFRICA, Region.ARAB_REGION)) {
            for (Region served : List.of(Region.ENACA, Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN)) {
                assertThat(perContact.apply(underserved)).as(underserved + " vs " + served)
                        .isLessThan(perContact.apply(served));
            }
        }
    }

    @Test
    void knowsTiesMostlyStayInsideCoalitions() {
        // Communities are not exported, but they show as clustering far above a random graph's (≈ 2m/n²).
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        doc.contacts().forEach(c -> g.addVertex(c.id()));
        doc.ties().stream().filter(t -> t.type() == TieType.KNOWS).forEach(t -> g.addEdge(t.from(), t.to()));
        double clustering = new org.jgrapht.alg.scoring.ClusteringCoefficient<>(g).getAverageClusteringCoefficient();
        assertThat(clustering).isGreaterThan(0.05);
    }

    // ------------------------------------------------------------------ planted groups

    @Test
    void theIsolatedGroupIsAComponentWithNoPathToAnyMandate() {
        PlantedGroup group = planted("isolated-lgbti-group");
        assertThat(group.region()).isEqualTo(Region.ARAB_REGION);
        assertThat(group.brokerIds()).isEmpty();
        Set<String> members = new HashSet<>(group.contactIds());
        members.addAll(group.organisationIds());
        Set<String> component = reachable(group.contactIds().get(0), null);
        assertThat(component).isEqualTo(members);
        assertThat(component).noneMatch(id -> labels.get(id) == NodeLabel.Mandate);
        Map<String, Contact> contacts = byId(doc.contacts(), Contact::id);
        assertThat(group.contactIds()).allSatisfy(id -> {
            assertThat(contacts.get(id).region()).isEqualTo(Region.ARAB_REGION);
            assertThat(contacts.get(id).themes()).contains("LGBTI");
        });
        assertThat(group.contactIds().size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theLandGroupHangsOnASingleBroker() {
        PlantedGroup group = planted("single-broker-land-group");
        assertThat(group.region()).isEqualTo(Region.AFRICA);
        assertThat(group.brokerIds()).hasSize(1);
        String broker = group.brokerIds().get(0);
        assertThat(group.contactIds()).contains(broker);
        Set<String> members = new HashSet<>(group.contactIds());
        members.addAll(group.organisationIds());
        String someoneElse = group.contactIds().stream().filter(id -> !id.equals(broker)).findFirst().orElseThrow();

        Set<String> withBroker = reachable(someoneElse, null);
        assertThat(withBroker).anyMatch(id -> labels.get(id) == NodeLabel.Mandate);
        Set<String> withoutBroker = reachable(someoneElse, broker);
        assertThat(members).containsAll(withoutBroker);
        assertThat(withoutBroker).noneMatch(id -> labels.get(id) == NodeLabel.Mandate);

        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        labels.keySet().forEach(g::addVertex);
        doc.ties().forEach(t -> g.addEdge(t.from(), t.to()));
        assertThat(new BiconnectivityInspector<>(g).getCutpoints()).contains(broker);
    }

    @Test
    void theHroReachesTheLandGroupButNotTheIsolatedGroup() {
        Set<String> fromHro = reachable(demo.hroContactId(), null);
        assertThat(fromHro).containsAll(planted("single-broker-land-group").contactIds());
        assertThat(fromHro).doesNotContainAnyElementsOf(planted("isolated-lgbti-group").contactIds());
        long mandatesReached = fromHro.stream().filter(id -> labels.get(id) == NodeLabel.Mandate).count();
        assertThat(mandatesReached).isEqualTo(60);
    }

    // ------------------------------------------------------------------ activities and introductions

    @Test
    void activitiesHaveTheirParticipants() {
        assertThat(doc.communications()).isNotEmpty();
        assertThat(doc.countryVisits()).isNotEmpty();
        assertThat(doc.trainings()).isNotEmpty();
        Map<String, Long> participants = doc.ties().stream()
                .filter(t -> t.type() == TieType.SOURCE_OF || t.type() == TieType.MET_DURING
                        || t.type() == TieType.ATTENDED)
                .collect(Collectors.groupingBy(Tie::to, Collectors.counting()));
        doc.communications().forEach(c -> assertThat(participants).containsKey(c.id()));
        doc.countryVisits().forEach(v -> assertThat(participants).containsKey(v.id()));
        doc.trainings().forEach(t -> assertThat(participants.get(t.id())).isGreaterThanOrEqualTo(8));
        Set<String> mandateIds = byId(doc.mandates(), Mandate::id).keySet();
        assertThat(doc.communications()).allSatisfy(c -> {
            assertThat(c.mandates()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(mandateIds).containsAll(c.mandates());
        });
        // Country mandates write jointly with a thematic mandate on the source's themes.
        assertThat(doc.communications()).anySatisfy(c -> assertThat(c.mandates()).hasSize(2));
        assertThat(doc.countryVisits()).allSatisfy(v -> {
            assertThat(mandateIds).contains(v.mandate());
            assertThat(v.endDate()).isAfter(v.startDate()).isBefore(DemoNetworkGenerator.TODAY);
        });
    }

    @Test
    void introductionsFollowKnowsTiesAndRespectConsent() {
        List<Introduction> intros = doc.introductions();
        assertThat(intros.stream().map(Introduction::status).distinct())
                .containsExactlyInAnyOrder(IntroductionStatus.values());
        Map<String, Contact> contacts = byId(doc.contacts(), Contact::id);
        assertThat(intros).allSatisfy(i -> {
            assertThat(neighbours.get(i.introducer())).contains(i.introduced(), i.recipient());
            assertThat(contacts.get(i.introducer()).consentToIntroduce()).isTrue();
            if (i.status() == IntroductionStatus.MADE) {
                assertThat(neighbours.get(i.introduced())).contains(i.recipient());
                assertThat(contacts.get(i.introduced()).consentToIntroduce()).isTrue();
                assertThat(contacts.get(i.introduced()).needsProtection()).isFalse();
            }
        });
    }

    // ------------------------------------------------------------------ scale

    @Test
    void largerNetworksScaleTiesWithTheRequestedAverage() {
        Options options = new Options(10_000, 9, 5);
        NetworkDocument big = DemoNetworkGenerator.generate(options).document();
        long knows = big.ties().stream().filter(t -> t.type() == TieType.KNOWS).count();
        assertThat((double) knows / options.contacts()).isCloseTo(9.0, within(0.1));
        assertThat((double) big.ties().size() / options.contacts()).isBetween(9.5, 11.0);
        assertThat(big.ties().stream().map(DemoNetworkGeneratorTest::tieKey).distinct().count())
                .isEqualTo(big.ties().size());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertWellFormed(NetworkDocument document) {
        Map<String, NodeLabel> ids = labelsById(document);
        Set<String> seen = new HashSet<>();
        for (Tie t : document.ties()) {
            NodeLabel from = ids.get(t.from());
            NodeLabel to = ids.get(t.to());
            assertThat(from).as("from of " + t).isNotNull();
            assertThat(to).as("to of " + t).isNotNull();
            assertThat(t.type().fits(from, to)).as(t.toString()).isTrue();
            assertThat(t.from()).isNotEqualTo(t.to());
            assertThat(seen.add(tieKey(t))).as("duplicate " + t).isTrue();
            if (t.type() == TieType.KNOWS) {
                assertThat(t.from()).isLessThan(t.to()); // stored once, so the reverse cannot exist either
            }
        }
        assertThat(ids.keySet()).allSatisfy(id -> assertThat(Ids.isValid(id)).as(id).isTrue());
    }

    private static String tieKey(Tie t) {
        return t.type() + "|" + t.from() + "|" + t.to();
    }

    private static PlantedGroup planted(String label) {
        return demo.isolatedGroups().stream().filter(g -> g.label().equals(label)).findFirst().orElseThrow();
    }

    /** Breadth-first search over all ties, ignoring direction, optionally without one node. */
    private static Set<String> reachable(String start, String removed) {
        Set<String> seen = new HashSet<>(List.of(start));
        ArrayDeque<String> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (String next : neighbours.getOrDefault(queue.poll(), Set.of())) {
                if (!next.equals(removed) && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private static Map<String, Set<String>> undirectedAdjacency(Collection<Tie> ties) {
        Map<String, Set<String>> adjacency = new HashMap<>();
        for (Tie t : ties) {
            adjacency.computeIfAbsent(t.from(), x -> new HashSet<>()).add(t.to());
            adjacency.computeIfAbsent(t.to(), x -> new HashSet<>()).add(t.from());
        }
        return adjacency;
    }

    private static Map<String, NodeLabel> labelsById(NetworkDocument d) {
        Map<String, NodeLabel> ids = new HashMap<>();
        List<Map.Entry<NodeLabel, List<String>>> all = new ArrayList<>();
        all.add(Map.entry(NodeLabel.Contact, d.contacts().stream().map(Contact::id).toList()));
        all.add(Map.entry(NodeLabel.Organisation, d.organisations().stream().map(Organisation::id).toList()));
        all.add(Map.entry(NodeLabel.Mandate, d.mandates().stream().map(Mandate::id).toList()));
        all.add(Map.entry(NodeLabel.Network, d.networks().stream().map(x -> x.id()).toList()));
        all.add(Map.entry(NodeLabel.Communication, d.communications().stream().map(x -> x.id()).toList()));
        all.add(Map.entry(NodeLabel.CountryVisit, d.countryVisits().stream().map(x -> x.id()).toList()));
        all.add(Map.entry(NodeLabel.Training, d.trainings().stream().map(x -> x.id()).toList()));
        for (Map.Entry<NodeLabel, List<String>> entry : all) {
            for (String id : entry.getValue()) {
                assertThat(ids.put(id, entry.getKey())).as("id used twice: " + id).isNull();
            }
        }
        return ids;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
