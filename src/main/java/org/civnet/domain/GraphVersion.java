package org.civnet.domain;

/**
 * The store's graph version: a number every write increments in its own transaction, so anything
 * computed from the graph can be keyed by it.
 */
@FunctionalInterface
public interface GraphVersion {

    long graphVersion();
}
