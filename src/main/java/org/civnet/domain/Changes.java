package org.civnet.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one write transaction changed in the graph, recorded in the store under the graph version
 * that transaction bumps (a {@code :GraphChange}), so every replica's snapshot can apply the change
 * instead of reading the whole graph again.
 *
 * <p>{@code nodes} are the ids of the nodes whose stored row or any incident tie was created,
 * changed or deleted, deleted nodes included: a reader that drops every listed node and every tie
 * touching one, then reads back those that still exist with all their ties, has the graph as it is
 * after the write. Listing more ids than changed is harmless (costs a little reading); listing
 * fewer is a bug. {@code all} marks a change nobody listed, {@link #everything()}, for bulk writes whose ids are impractical to list
 * (migrations, restores): crossing such a record, a reader reads the whole graph.
 */
public record Changes(Set<String> nodes, boolean all) {

    private static final Changes EVERYTHING = new Changes(Set.of(), true);

    public Changes {
        nodes = all ? Set.of() : Set.copyOf(nodes);
    }

    /** A change of these nodes (their rows or their ties); nulls are ignored. */
    public static Changes of(Collection<String> ids) {
        Set<String> set = new LinkedHashSet<>(ids.size() * 2);
        for (String id : ids) {
            if (id != null) {
                set.add(id);
            }
        }
        return new Changes(set, false);
    }

    public static Changes of(String... ids) {
        return of(List.of(ids));
    }

    /** A change nobody lists: whoever crosses it reads the whole graph again. */
    public static Changes everything() {
        return EVERYTHING;
    }

    public Changes plus(Changes other) {
        if (all || other.all) {
            return EVERYTHING;
        }
        Set<String> both = new LinkedHashSet<>(nodes);
        both.addAll(other.nodes);
        return new Changes(both, false);
    }

    /** Changes.of(ids) when there are at most {@code limit} of them, otherwise everything (a record stays small). */
    public Changes limitedTo(int limit) {
        return !all && nodes.size() > limit ? EVERYTHING : this;
    }
}
