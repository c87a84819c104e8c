package org.civnet.snapshot;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.civnet.analysis.graph.CsrGraph;

/**
 * What a scoped {@link NetworkSnapshot} holds, independent of vertex numbering: each vertex's
 * attributes by id, and each adjacency entry (both directions) with its edge's columns and weight,
 * counted. Two snapshots of the same graph and scope have equal contents, whichever way they were
 * built (whole, or brought forward by {@link ScopedPatch}); the id index must find every vertex.
 */
record ScopedContent(long graphVersion, Map<String, String> vertices, Map<String, Integer> adjacency) {

    static ScopedContent of(NetworkSnapshot s) {
        Map<String, String> vertices = new TreeMap<>();
        for (int v = 0; v < s.vertexCount(); v++) {
            if (s.indexOf(s.id(v)) != v) {
                throw new AssertionError("the id index finds " + s.id(v) + " at " + s.indexOf(s.id(v)) + ", not " + v);
            }
            vertices.put(s.id(v), s.label(v) + " | " + s.name(v) + " | " + s.subtype(v) + " | " + s.country(v) + " | "
                    + s.region(v) + " | " + Arrays.toString(s.themes(v)) + " | " + s.risk(v) + " | " + s.consentDays(v)
                    + " | " + s.confidential(v) + " | " + s.createdDay(v));
        }
        Map<String, Integer> adjacency = new TreeMap<>();
        CsrGraph g = s.graph();
        for (int v = 0; v < g.vertexCount(); v++) {
            for (int slot = g.offset(v); slot < g.offsetEnd(v); slot++) {
                int e = g.edgeId(slot);
                adjacency.merge(s.id(v) + " -> " + s.id(g.target(slot)) + " " + s.edgeType(e) + " trust " + s.edgeTrust(e)
                        + " since " + s.edgeSince(e) + " last " + s.edgeLastContact(e) + " weight " + g.weight(slot), 1,
                        Integer::sum);
            }
        }
        return new ScopedContent(s.graphVersion(), vertices, adjacency);
    }
}
