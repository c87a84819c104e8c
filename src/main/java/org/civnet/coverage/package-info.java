/**
 * Institutional memory and coverage (seed 000, VI.3): who took part in activities and whether they
 * were followed up, each contact's history, the handover export per mandate or officer, and the
 * coverage and gap report. Reads go through {@link org.civnet.coverage.MemoryStore} (Cypher in
 * {@code cypher/coverage/}); the counting of coverage figures is the pure
 * {@link org.civnet.analysis.coverage.CoverageCounter}.
 */
package org.civnet.coverage;
