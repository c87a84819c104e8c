package org.civnet.network;

import java.util.Collection;
import java.util.Map;
import org.civnet.domain.NodeLabel;

/**
 * What the import checks need to know of the store: which of some ids exist, and as what kind
 * ({@link NetworkStore#labelsOf}; a map in tests).
 */
@FunctionalInterface
interface StoredIds {

    /** The kind of each id that exists (ids are unique across kinds); unknown ids are absent. */
    Map<String, NodeLabel> labelsOf(Collection<String> ids);
}
