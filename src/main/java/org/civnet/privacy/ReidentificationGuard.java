package org.civnet.privacy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.civnet.analysis.privacy.ReidentificationGate;
import org.civnet.analysis.privacy.ReidentificationGate.Release;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.security.Disclosure;
import org.civnet.security.Redactor;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Component;

/**
 * The re-identification gate at the edge: for a request of a role without clearance, the
 * {@link Disclosure} of the graph its answer is drawn from, computed by {@link ReidentificationGate}
 * over that graph's snapshot and applied by the one redaction mechanism (so every representation of
 * every endpoint gets it, with no controller involved).
 *
 * <p>Which graph: an analysis or report ({@code /api/analysis/**}, {@code /api/reports/**}) is drawn
 * from its scope (the scope query parameters); an export from every node kind (activities included);
 * everything else (records, lists, ties, referrals, search) from the whole network's default scope.
 * A narrower or wider scope starts from the default scope's decisions as its floor, so a person
 * withheld or coarsened in the whole network stays so in every view, and then reaches its own fixed
 * point (withholding more changes degrees, so the floor alone would not keep the view k-anonymous).
 *
 * <p>Cost: one gate per graph version and scope (cached, 16 scopes), a few passes of O(n + m log Δ).
 */
@Component
class ReidentificationGuard implements Disclosure.Source {

    static final String MODEL = "k-anonymity of each pseudonymised person's (kind, region, degree) and of its one-hop "
            + "neighbourhood (kind, region and the multiset of its neighbours' kinds and regions); coarsened: region and "
            + "ties withheld, degree as a range: k-degree anonymity "
            + "(Liu and Terzi, SIGMOD 2008) and d-k-anonymity at d=1 on attributes (de Jong, van der Loo and Takes, "
            + "Scientific Reports 2024)";

    private static final int CACHED_SCOPES = 16;
    private static final Set<NodeLabel> EVERY_KIND = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation,
            NodeLabel.Mandate, NodeLabel.Network, NodeLabel.Communication, NodeLabel.CountryVisit, NodeLabel.Training);

    private final SnapshotCache snapshots;
    private final Redactor redactor;
    private final int k;
    private final Map<String, Disclosure> cache = new LinkedHashMap<>(CACHED_SCOPES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Disclosure> eldest) {
            return size() > CACHED_SCOPES;
        }
    };

    ReidentificationGuard(SnapshotCache snapshots, Redactor redactor, CivnetProperties properties) {
        this.snapshots = snapshots;
        this.redactor = redactor;
        this.k = properties.privacy().anonymityK();
    }

    @Override
    public Disclosure forRequest(HttpServletRequest request) {
        return forScope(scopeOf(request));
    }

    /** The scope the answer to {@code request} is drawn from. */
    static AnalysisScope scopeOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/export")) {
            return new AnalysisScope(EVERY_KIND, null, null, null, null, null);
        }
        if (!path.startsWith("/api/analysis") && !path.startsWith("/api/reports")) {
            return AnalysisScope.all();
        }
        try {
            String since = request.getParameter("since");
            String minTrust = request.getParameter("minTrust");
            String region = request.getParameter("region");
            return AnalysisScope.parse(request.getParameter("nodes"), request.getParameter("ties"),
                    minTrust == null || minTrust.isBlank() ? null : Integer.valueOf(minTrust.strip()),
                    since == null || since.isBlank() ? null : java.time.LocalDate.parse(since.strip()),
                    region == null || region.isBlank() ? null : Region.valueOf(region.strip()),
                    request.getParameter("theme"));
        } catch (RuntimeException e) {
            return AnalysisScope.all(); // the handler refused this scope already; nothing of it is shown
        }
    }

    /** The disclosure for {@code scope} at the current graph version. */
    Disclosure forScope(AnalysisScope scope) {
        if (k <= 1) {
            return Disclosure.NONE;
        }
        NetworkSnapshot snapshot = snapshots.get(scope).snapshot();
        String key = snapshot.graphVersion() + " " + scope.describe();
        synchronized (cache) {
            Disclosure known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        Disclosure floor = scope.equals(AnalysisScope.all()) ? null : forScope(AnalysisScope.all());
        Disclosure computed = compute(snapshot, floor);
        synchronized (cache) {
            cache.put(key, computed);
        }
        return computed;
    }

    private Disclosure compute(NetworkSnapshot s, Disclosure floor) {
        ReidentificationGate gate = gate(s, redactor.protectedIds(), floor, k);
        Map<String, String> withheld = new HashMap<>();
        Map<String, String> coarsened = new HashMap<>();
        for (int v = 0; v < s.vertexCount(); v++) {
            if (gate.release(v) == Release.WITHHOLD) {
                withheld.put(s.id(v), reasonText(gate.reason(v)));
            } else if (gate.release(v) == Release.COARSEN) {
                coarsened.put(s.id(v), ReidentificationGate.degreeBucket(s.graph().degree(v)));
            }
        }
        return new Disclosure(k, MODEL, withheld, coarsened);
    }

    /** The gate over a snapshot: categories are label and kind, pseudonymised are the protected people. */
    static ReidentificationGate gate(NetworkSnapshot s, Set<String> protectedIds, Disclosure floor, int k) {
        int n = s.vertexCount();
        String[] categories = new String[n];
        String[] regions = new String[n];
        boolean[] pseudonymised = new boolean[n];
        Release[] floors = new Release[n];
        for (int v = 0; v < n; v++) {
            categories[v] = category(s.label(v).name(), s.subtype(v));
            regions[v] = s.region(v) == null ? null : s.region(v).name();
            pseudonymised[v] = protectedIds.contains(s.id(v));
            floors[v] = floor == null ? Release.KEEP : floor.withholds(s.id(v)) ? Release.WITHHOLD
                    : floor.coarsens(s.id(v)) ? Release.COARSEN : Release.KEEP;
        }
        return new ReidentificationGate(s.graph(), categories, regions, pseudonymised, floors, k);
    }

    /** What an output shows as a node's kind: its label and, where it has one, its kind or type. */
    static String category(String label, String kind) {
        return kind == null ? label : label + ":" + kind;
    }

    static String reasonText(ReidentificationGate.Reason reason) {
        return switch (reason) {
            case DEGREE_CLASS_BELOW_K -> "fewer than k people share their kind and range of ties, even with region and ties withheld";
            case NEIGHBOURHOOD_CLASS_BELOW_K -> "fewer than k people share their kind, region and neighbours' kinds and regions";
            case WITHHELD_BY_FLOOR -> "withheld in the whole network, so in every view of it";
        };
    }
}
