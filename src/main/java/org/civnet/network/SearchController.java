package org.civnet.network;

import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.Sensitivity;
import org.civnet.neo4j.Transactions;
import org.civnet.network.NetworkStore.NodeFilter;
import org.civnet.security.Role;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds people, organisations and mandates by name for the page's pickers, with what tells two
 * of one name apart: kind, country and, for a person, the organisations she is affiliated with.
 * The search is the lists' own ({@link NodeService#list}), so a role without clearance never
 * finds a protected person by their real name.
 */
@RestController
@Validated
@Tag(name = "search")
class SearchController {

    /** An organisation a person is affiliated with. */
    record Affiliation(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String name) {
    }

    /** One match: {@code kind} is the contact kind, organisation type or mandate kind. */
    record Match(@Sensitivity(SAFE) String id, NodeLabel label, @Sensitivity(NAME) String name,
                 @Sensitivity(SAFE) String kind, @Sensitivity(IDENTIFYING) String country, @org.civnet.domain.QuasiIdentifier Region region,
                 List<Affiliation> organisations) {
    }

    private static final Set<NodeLabel> SEARCHABLE = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate);

    private final NodeService nodes;
    private final Transactions transactions;

    SearchController(NodeService nodes, Transactions transactions) {
        this.nodes = nodes;
        this.transactions = transactions.require("search/affiliations");
    }

    @GetMapping("/api/search")
    @Operation(summary = "People, organisations and mandates whose name contains q, with kind, country and affiliations")
    List<Match> search(@RequestParam @NotBlank @Size(max = 300) String q,
                       @RequestParam(defaultValue = "Contact") Set<NodeLabel> labels,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                       Role role) {
        for (NodeLabel label : labels) {
            if (!SEARCHABLE.contains(label)) {
                throw new org.civnet.domain.InvalidInputException("labels", "must be Contact, Organisation or Mandate");
            }
        }
        NodeFilter filter = new NodeFilter(null, null, null, q.strip());
        List<Match> matches = new ArrayList<>();
        if (labels.contains(NodeLabel.Contact)) {
            List<Contact> people = nodes.list(NodeKind.CONTACT, filter, 0, limit, role).items();
            Map<String, List<Affiliation>> affiliations = affiliations(people.stream().map(Contact::id).toList());
            people.forEach(c -> matches.add(new Match(c.id(), NodeLabel.Contact, c.name(), name(c.kind()), c.country(),
                    c.region(), affiliations.getOrDefault(c.id(), List.of()))));
        }
        if (labels.contains(NodeLabel.Organisation)) {
            nodes.list(NodeKind.ORGANISATION, filter, 0, limit, role).items().forEach(o -> matches.add(new Match(
                    o.id(), NodeLabel.Organisation, o.name(), name(o.type()), o.country(), o.region(), List.of())));
        }
        if (labels.contains(NodeLabel.Mandate)) {
            nodes.list(NodeKind.MANDATE, filter, 0, limit, role).items().forEach(m -> matches.add(new Match(
                    m.id(), NodeLabel.Mandate, m.title(), name(m.kind()), m.country(),
                    m.country() == null ? null : Regions.regionOf(m.country()), List.of())));
        }
        return matches;
    }

    /** Ids as stored: for a role without clearance the list has already left protected people out. */
    private Map<String, List<Affiliation>> affiliations(List<String> contactIds) {
        Map<String, List<Affiliation>> byContact = new java.util.HashMap<>();
        if (contactIds.isEmpty()) {
            return byContact;
        }
        transactions.read("search/affiliations", Map.of("ids", contactIds), row -> byContact.put(
                row.get("contact").asString(),
                row.get("organisations").asList(v -> new Affiliation(v.get("id").asString(), v.get("name").asString(null)))));
        return byContact;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
