package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import org.civnet.network.ImportPlan.AcceptedNodes;
import org.civnet.network.ImportReport.RejectedRow;
import org.civnet.network.ImportRow.IntroductionRow;
import org.civnet.network.ImportRow.NodeRow;
import org.civnet.network.ImportRow.TieRow;
import org.junit.jupiter.api.Test;
import org.civnet.domain.Ids;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;

/** The import checks as a pure plan: rows and what the store holds in, accepted rows and rejections out; no Neo4j. */
class ImportPlanTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final DomainRules RULES = new DomainRules(Validation.buildDefaultValidatorFactory().getValidator());

    private final Map<String, NodeLabel> storedLabels = new HashMap<>();
    private final List<Collection<String>> lookUps = new ArrayList<>();
    private final StoredIds stored = ids -> {
        lookUps.add(List.copyOf(ids));
        Map<String, NodeLabel> out = new HashMap<>();
        ids.forEach(id -> {
            if (storedLabels.containsKey(id)) {
                out.put(id, storedLabels.get(id));
            }
        });
        return out;
    };
    private final List<ImportRow> rows = new ArrayList<>();

    @Test
    void aTieToARefusedNodeIsRefusedAndOneToAnAcceptedOrStoredNodeIsNot() {
        contact(1, "a", "FR");
        contact(2, "bad", "XX");
        storedLabels.put("old", NodeLabel.Contact);
        tie(1, "KNOWS", "a", "bad");
        tie(2, "KNOWS", "a", "old");

        ImportPlan plan = plan();

        assertThat(rejections(plan)).containsExactly("contacts:2", "ties:1");
        assertThat(plan.listedRejections().get(1).reason()).isEqualTo("to node 'bad' does not exist");
        assertThat(plan.accepted("ties")).isEqualTo(1);
        // a is new here, so the tie touches a new node: created without the upsert's lookup.
        assertThat(plan.ties().get(TieType.KNOWS).touchingNew()).extracting(Tie::to).containsExactly("old");
    }

    @Test
    void ties_areCheckedAgainstNodesThatComeLaterInTheInput() {
        tie(1, "KNOWS", "a", "b");
        contact(1, "a", "FR");
        contact(2, "b", "MA");

        assertThat(plan().accepted("ties")).isEqualTo(1);
    }

    @Test
    void aCommunicationNamingAnUnknownMandateIsRefused() {
        communication(1, "comm-1", "m-nowhere");

        ImportPlan plan = plan();

        assertThat(rejections(plan)).containsExactly("communications:1");
        assertThat(plan.listedRejections().get(0).reason()).isEqualTo("mandates mandate 'm-nowhere' does not exist");
        assertThat(plan.accepted("communications")).isZero();
    }

    @Test
    void aMandateAcceptedInTheSameInputIsKnownEvenWhenItComesAfterTheCommunication() {
        communication(1, "comm-1", "m-1");
        mandate(1, "m-1");
        storedLabels.put("m-stored", NodeLabel.Mandate);
        communication(2, "comm-2", "m-stored");
        storedLabels.put("c-stored", NodeLabel.Contact);
        communication(3, "comm-3", "c-stored");

        ImportPlan plan = plan();

        assertThat(plan.accepted("communications")).isEqualTo(2);
        assertThat(rejections(plan)).containsExactly("communications:3");
        assertThat(plan.listedRejections().get(0).reason()).contains("'c-stored' is a Contact, not a Mandate");
        assertThat(ids(plan.nodesOf(NodeKind.COMMUNICATION))).containsExactlyInAnyOrder("comm-1", "comm-2");
    }

    @Test
    void aRepeatedIdKeepsItsFirstRowAcrossSectionsAndARefusedRowClaimsNothing() {
        contact(1, "x", "XX");       // refused by its fields: does not claim x
        contact(2, "x", "FR");       // accepted
        contact(3, "x", "MA");       // repeats row 2
        organisation(1, "x");        // repeats too, across kinds
        tie(1, "KNOWS", "x", "y");
        contact(4, "y", "FR");
        tie(2, "KNOWS", "y", "x");   // the same undirected tie

        ImportPlan plan = plan();

        assertThat(rejections(plan)).containsExactly("contacts:1", "contacts:3", "organisations:1", "ties:2");
        assertThat(plan.listedRejections().get(1).reason()).isEqualTo("id 'x' repeats contacts row 2");
        assertThat(plan.listedRejections().get(3).reason()).isEqualTo("to the same KNOWS tie repeats ties row 1");
        assertThat(plan.received("contacts")).isEqualTo(4);
        assertThat(plan.accepted("contacts")).isEqualTo(2);
    }

    @Test
    void anIdStoredAsAnotherKindIsRefusedAndOneStoredAsTheSameKindIsAnUpdate() {
        storedLabels.put("org-1", NodeLabel.Organisation);
        storedLabels.put("c-1", NodeLabel.Contact);
        contact(1, "org-1", "FR");
        contact(2, "c-1", "FR");
        contact(3, "c-2", "FR");

        ImportPlan plan = plan();

        assertThat(plan.listedRejections()).extracting(RejectedRow::reason)
                .containsExactly("id 'org-1' is already used by a Organisation");
        AcceptedNodes<?> contacts = plan.nodesOf(NodeKind.CONTACT);
        assertThat(contacts.upserted()).extracting(c -> ((Contact) c).id()).containsExactly("c-1");
        assertThat(contacts.created()).extracting(c -> ((Contact) c).id()).containsExactly("c-2");
    }

    @Test
    void theSameInputAgainstAStoreHoldingItOnlyUpserts() {
        contact(1, "a", "FR");
        contact(2, "b", "MA");
        tie(1, "KNOWS", "a", "b");
        introduction(1, "i-1", "a", "b", "c");
        contact(3, "c", "LB");
        ImportPlan first = ImportPlanner.check(rows, RULES::check, stored);
        assertThat(first.listedRejections()).isEmpty();
        assertThat(first.nodesOf(NodeKind.CONTACT).created()).hasSize(3);
        assertThat(first.ties().get(TieType.KNOWS).touchingNew()).hasSize(1);

        List.of("a", "b", "c").forEach(id -> storedLabels.put(id, NodeLabel.Contact));
        ImportPlan again = ImportPlanner.check(rows, RULES::check, stored);

        assertThat(again.listedRejections()).isEmpty();
        assertThat(again.nodesOf(NodeKind.CONTACT).created()).isEmpty();
        assertThat(again.nodesOf(NodeKind.CONTACT).upserted()).hasSize(3);
        assertThat(again.ties().get(TieType.KNOWS).touchingNew()).isEmpty();
        assertThat(again.ties().get(TieType.KNOWS).others()).hasSize(1);
        assertThat(again.introductions()).extracting(Introduction::id).containsExactly("i-1");
    }

    @Test
    void anIntroductionJoinsThreeContactsAndItsIdIsUniqueAmongNodes() {
        contact(1, "a", "FR");
        contact(2, "b", "FR");
        contact(3, "c", "FR");
        organisation(1, "o");
        introduction(1, "i-1", "a", "b", "c");
        introduction(2, "a", "a", "b", "c");
        introduction(3, "i-3", "a", "o", "c");

        ImportPlan plan = plan();

        assertThat(rejections(plan)).containsExactly("introductions:2", "introductions:3");
        assertThat(plan.listedRejections().get(0).reason()).isEqualTo("id 'a' repeats contacts row 1");
        assertThat(plan.listedRejections().get(1).reason()).isEqualTo("introduced 'o' is a Organisation, not a Contact");
    }

    @Test
    void refusedRowsAreListedUpToTheBoundAndCountedByAReasonWithoutTheirValues() {
        int refused = Rejections.LISTED + 500;
        for (int i = refused; i >= 1; i--) {     // out of order: the listing is still by row
            contact(i, "h-" + i, "XX");
        }
        contact(refused + 1, "h-blank", " ");

        ImportPlan plan = plan();

        assertThat(plan.rejections().total()).isEqualTo(refused + 1);
        assertThat(plan.listedRejections()).hasSize(Rejections.LISTED);
        assertThat(plan.listedRejections().get(0).row()).isEqualTo(1);
        assertThat(plan.listedRejections().get(Rejections.LISTED - 1).row()).isEqualTo(Rejections.LISTED);
        assertThat(plan.rejections().byReason()).containsExactly(
                Map.entry("country: '…' is not an ISO 3166-1 alpha-2 country code", (long) refused),
                Map.entry("country: must be an ISO 3166-1 alpha-2 code; country: must not be blank", 1L));
        assertThat(plan.received("contacts") - plan.accepted("contacts")).isEqualTo(refused + 1);
        // No row passed its field rules, so the store was never asked.
        assertThat(lookUps).isEmpty();
    }

    @Test
    void aDryRunPlanCountsAcceptedRowsWithoutHoldingThem() {
        contact(1, "a", "FR");
        contact(2, "b", "FR");
        tie(1, "KNOWS", "a", "b");
        ImportPlanner planner = new ImportPlanner(RULES::check, stored, false);
        rows.forEach(planner::add);

        ImportPlan plan = planner.plan();

        assertThat(plan.accepted("contacts")).isEqualTo(2);
        assertThat(plan.accepted("ties")).isEqualTo(1);
        assertThat(plan.nodesOf(NodeKind.CONTACT).created()).isEmpty();
        assertThat(plan.ties()).isEmpty();
    }

    @Test
    void reasonKeysDropValuesRowNumbersAndListPositions() {
        assertThat(Rejections.reasonKey(List.of(new InvalidInputException.FieldProblem("themes[3]", "must be …"),
                new InvalidInputException.FieldProblem("id", "'k-9' repeats contacts.csv row 12"),
                new InvalidInputException.FieldProblem("id", Ids.MESSAGE))))
                .isEqualTo("id: '…' repeats contacts.csv row …; id: " + Ids.MESSAGE + "; themes[]: must be …");
    }

    @Test
    void reasonsBeyondTheBoundAreCountedTogether() {
        Rejections rejections = new Rejections();
        int distinct = Rejections.REASONS + 50;
        for (int i = 0; i < distinct; i++) {
            // An unknown column is named by the input itself: each one a reason of its own.
            var problem = new InvalidInputException.FieldProblem("column" + i, "is not a known field");
            rejections.add(new RejectedRow("contacts.csv", i + 2, null, "", List.of(problem)));
        }

        assertThat(rejections.byReason()).hasSize(Rejections.REASONS + 1)
                .containsEntry(Rejections.OTHER_REASONS, 50L);
        assertThat(rejections.byReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(distinct);
        assertThat(rejections.listed()).hasSize(distinct);
    }

    // ---- rows ----------------------------------------------------------------------------

    private ImportPlan plan() {
        return ImportPlanner.check(rows, RULES::check, stored);
    }

    private static List<String> rejections(ImportPlan plan) {
        return plan.listedRejections().stream().map(r -> r.file() + ":" + r.row()).toList();
    }

    private static List<String> ids(AcceptedNodes<?> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.created().forEach(n -> ids.add(((Activities.Communication) n).id()));
        nodes.upserted().forEach(n -> ids.add(((Activities.Communication) n).id()));
        return ids;
    }

    private void contact(long row, String id, String country) {
        node(NodeKind.CONTACT, row, Map.of("id", id, "name", "Person " + id, "country", country));
    }

    private void organisation(long row, String id) {
        node(NodeKind.ORGANISATION, row, Map.of("id", id, "name", "Organisation " + id, "country", "FR"));
    }

    private void mandate(long row, String id) {
        node(NodeKind.MANDATE, row, Map.of("id", id, "title", "Mandate " + id, "kind", "THEMATIC",
                "holderType", "SPECIAL_RAPPORTEUR"));
    }

    private void communication(long row, String id, String mandate) {
        node(NodeKind.COMMUNICATION, row, Map.of("id", id, "type", "URGENT_APPEAL", "mandates", List.of(mandate)));
    }

    private <T> void node(NodeKind<T> kind, long row, Map<String, Object> fields) {
        rows.add(new NodeRow<>(kind, kind.section(), row, JSON.convertValue(fields, kind.type())));
    }

    private void tie(long row, String type, String from, String to) {
        rows.add(new TieRow("ties", row, JSON.convertValue(Map.of("type", type, "from", from, "to", to), Tie.class)));
    }

    private void introduction(long row, String id, String introducer, String introduced, String recipient) {
        rows.add(new IntroductionRow("introductions", row,
                new Introduction(id, introducer, introduced, recipient, null, null, null)));
    }
}
