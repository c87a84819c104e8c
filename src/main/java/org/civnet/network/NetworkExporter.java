package org.civnet.network;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.springframework.stereotype.Service;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;

/**
 * Reads the whole network back out: as the network document (the import format, so export →
 * import → export gives the same document) or as GraphML / GEXF for Gephi and other tools, whose
 * text passes through {@link XmlText} so the file is well-formed XML whatever the store holds.
 */
@Service
public class NetworkExporter {

    private final NetworkStore store;
    private final PropertyMapper mapper = new PropertyMapper();

    public NetworkExporter(NetworkStore store) {
        this.store = store;
    }

    public NetworkDocument document() {
        List<Tie> ties = new ArrayList<>();
        for (TieType type : TieType.values()) {
            ties.addAll(store.allTies(type));
        }
        return new NetworkDocument(
                store.all(NodeKind.CONTACT), store.all(NodeKind.ORGANISATION), store.all(NodeKind.MANDATE),
                store.all(NodeKind.NETWORK), store.all(NodeKind.COMMUNICATION), store.all(NodeKind.COUNTRY_VISIT),
                store.all(NodeKind.TRAINING), ties, store.allIntroductions());
    }

    /** A tie as an edge of the exported graph. */
    public record TieEdge(Tie tie) {
    }

    public enum GraphFormat { GRAPHML, GEXF }

    /**
     * The document as a graph file; node and tie fields become attributes, lists joined with
     * {@code ;} (a communication's {@code mandates}: every mandate that sent it).
     */
    public String graphFile(NetworkDocument document, GraphFormat format) {
        Graph<String, TieEdge> graph = new DirectedPseudograph<>(TieEdge.class);
        Map<String, Map<String, Attribute>> vertexAttributes = new LinkedHashMap<>();
        addNodes(graph, vertexAttributes, document.contacts(), Contact::id, Contact::name, NodeLabel.Contact);
        addNodes(graph, vertexAttributes, document.organisations(), Organisation::id, Organisation::name, NodeLabel.Organisation);
        addNodes(graph, vertexAttributes, document.mandates(), Mandate::id, Mandate::title, NodeLabel.Mandate);
        addNodes(graph, vertexAttributes, document.networks(), Network::id, Network::name, NodeLabel.Network);
        addNodes(graph, vertexAttributes, document.communications(), Communication::id, c -> c.type().name(), NodeLabel.Communication);
        addNodes(graph, vertexAttributes, document.countryVisits(), CountryVisit::id, v -> "Visit " + v.country(), NodeLabel.CountryVisit);
        addNodes(graph, vertexAttributes, document.trainings(), Training::id, Training::title, NodeLabel.Training);
        for (Tie tie : document.ties()) {
            if (graph.containsVertex(tie.from()) && graph.containsVertex(tie.to())) {
                graph.addEdge(tie.from(), tie.to(), new TieEdge(tie));
            }
        }
        Function<TieEdge, Map<String, Attribute>> edgeAttributes = e -> attributes(mapper.toMap(e.tie()));
        StringWriter out = new StringWriter();
        if (format == GraphFormat.GRAPHML) {
            GraphMLExporter<String, TieEdge> exporter = new GraphMLExporter<>(XmlText::legal);
            exporter.setVertexAttributeProvider(vertexAttributes::get);
            exporter.setEdgeAttributeProvider(edgeAttributes);
            exporter.setExportVertexLabels(true);
            for (String key : List.of("label", "kind", "name", "country", "region", "themes", "riskLevel", "type",
                    "scope", "ecosocStatus", "title", "holderType", "consentToIntroduce", "confidential", "mandates",
                    "mandate", "responsibleOfficer")) {
                exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
            }
            for (String key : List.of("type", "trust", "since", "lastContact", "role", "activities")) {
                exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
            }
            exporter.exportGraph(graph, out);
        } else {
            GEXFExporter<String, TieEdge> exporter = new GEXFExporter<>(XmlText::legal, new EdgeIds());
            exporter.setVertexAttributeProvider(vertexAttributes::get);
            exporter.setEdgeAttributeProvider(edgeAttributes);
            for (String key : List.of("kind", "name", "country", "region", "themes", "riskLevel", "type", "scope",
                    "ecosocStatus", "title", "holderType", "mandates", "mandate", "responsibleOfficer")) {
                exporter.registerAttribute(key, GEXFExporter.AttributeCategory.NODE, org.jgrapht.nio.gexf.GEXFAttributeType.STRING);
            }
            exporter.exportGraph(graph, out);
        }
        return out.toString();
    }

    private <T> void addNodes(Graph<String, TieEdge> graph, Map<String, Map<String, Attribute>> attributes, List<T> records,
                              Function<T, String> id, Function<T, String> label, NodeLabel kind) {
        for (T record : records) {
            String vertex = id.apply(record);
            graph.addVertex(vertex);
            Map<String, Object> fields = mapper.toMap(record);
            fields.remove("id");
            fields.remove("createdAt");
            fields.remove("updatedAt");
            fields.remove("channels");
            fields.remove("notes");
            Map<String, Attribute> a = attributes(fields);
            String shown = label.apply(record); // null when withheld from the caller (a training's title)
            a.put("label", DefaultAttribute.createAttribute(XmlText.legal(shown == null ? vertex : shown)));
            a.put("kind", DefaultAttribute.createAttribute(kind.name()));
            attributes.put(vertex, a);
        }
    }

    private static Map<String, Attribute> attributes(Map<String, Object> fields) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                out.put(key, DefaultAttribute.createAttribute(
                        XmlText.legal(String.join(";", list.stream().map(String::valueOf).toList()))));
            } else if (value != null) {
                out.put(key, DefaultAttribute.createAttribute(XmlText.legal(String.valueOf(value))));
            }
        });
        return out;
    }

    /** GEXF needs edge ids; a running counter keeps them unique within one file. */
    private static final class EdgeIds implements Function<TieEdge, String> {
        private final Map<TieEdge, String> ids = new java.util.IdentityHashMap<>();

        @Override
        public String apply(TieEdge edge) {
            return ids.computeIfAbsent(edge, e -> "e" + ids.size());
        }
    }
}
