package org.civnet.report;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * How an analysis names a vertex in a response: the id (replaced by a pseudonym at the edge for
 * roles without clearance), display name, node label, kind (contact kind, organisation type,
 * mandate kind) and region.
 */
public record NodeRef(String id, String name, NodeLabel label, String kind, @org.civnet.domain.QuasiIdentifier Region region) {

    public static NodeRef of(NetworkSnapshot snapshot, int v) {
        return new NodeRef(snapshot.id(v), snapshot.name(v), snapshot.label(v), snapshot.subtype(v), snapshot.region(v));
    }
}
