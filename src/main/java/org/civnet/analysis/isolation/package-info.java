/**
 * Isolation of groups at risk from the UN human rights mechanisms (the Mandate vertices).
 *
 * <p>Pure algorithms over an undirected {@link org.civnet.analysis.graph.CsrGraph}: no Spring, no
 * I/O. Start from a {@link org.civnet.analysis.isolation.MandateReach} (hops to the nearest mandate,
 * components), then {@link org.civnet.analysis.isolation.WeakPoints} (articulation points, bridges,
 * who depends on them), {@link org.civnet.analysis.isolation.DisjointRoutes} (0, 1 or 2+
 * node-disjoint routes to the mandates), {@link org.civnet.analysis.isolation.GroupIsolation}
 * (E-I index and an isolation score per group), {@link org.civnet.analysis.isolation.Resilience}
 * (what a removal does) and {@link org.civnet.analysis.isolation.SuggestedTies} (introductions that
 * add a second route). {@link org.civnet.analysis.isolation.IsolationAnalysis} runs them all.
 *
 * <p>Conventions shared by every class here:
 * <ul>
 *   <li>A vertex "reaches the mandates" when some mandate is in its connected component; hops
 *       are unweighted (tie weights are ignored, as in NetworkX's {@code shortest_path_length}
 *       without {@code weight}). A mandate is at 0 hops.</li>
 *   <li>Mandates are destinations, not failure points: a mandate is an institution that outlives
 *       its holder, so "single points of failure" are non-mandate vertices and ties. A
 *       {@link org.civnet.analysis.isolation.Resilience} what-if may still remove mandates.</li>
 *   <li>Routes are internally vertex-disjoint paths to the mandate <em>set</em> (all mandates
 *       contracted into one sink), so two routes may end at the same mandate. By Menger's theorem
 *       a reachable non-mandate vertex has fewer than 2 routes exactly when one non-mandate vertex
 *       or one tie can cut it off from every mandate, i.e. when
 *       {@link org.civnet.analysis.isolation.WeakPoints#hangsByThread(int)} is true; the tests
 *       check this equivalence.</li>
 *   <li>Groups are a {@code List<BitSet>}, one set of member vertices per group, so a vertex may
 *       belong to several groups (several themes); see
 *       {@link org.civnet.analysis.isolation.GroupIsolation#groupsFromIndex(int[])} for the
 *       one-group-per-vertex case.</li>
 * </ul>
 */
package org.civnet.analysis.isolation;
