package org.civnet.coverage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.civnet.analysis.coverage.CoverageCounter;
import org.civnet.analysis.coverage.CoverageData;
import org.civnet.analysis.coverage.CoverageFigures;
import org.civnet.config.CivnetProperties;
import org.civnet.network.NetworkStore;
import org.civnet.network.NodeService;
import org.civnet.report.Csv;
import org.springframework.stereotype.Service;

/**
 * The coverage and gap report: reads the actors, mandates and partnerships (cached per graph
 * version) and has {@link CoverageCounter} count them against the configured target shares.
 */
@Service
class CoverageService {

    private final MemoryStore memory;
    private final NetworkStore network;
    private final NodeService nodes;
    private final CivnetProperties.Coverage settings;

    private long cachedVersion = -1;
    private CoverageData cachedData;

    CoverageService(MemoryStore memory, NetworkStore network, NodeService nodes, CivnetProperties properties) {
        this.memory = memory;
        this.network = network;
        this.nodes = nodes;
        this.settings = properties.coverage();
    }

    /**
     * @param mandate     count this mandate's partners only (null: the whole network)
     * @param asOf        count what was on record on that date (null: now)
     * @param minPartners threshold of the "too few partners" gap (null: the configured one)
     */
    CoverageFigures figures(String mandate, LocalDate asOf, Integer minPartners) {
        if (mandate != null) {
            nodes.requireMandate("mandate", mandate);
        }
        int threshold = minPartners == null ? settings.minPartners() : minPartners;
        Read read = data();
        CoverageFigures figures = new CoverageCounter(read.data(), settings.targetShares(), threshold).count(asOf, mandate)
                .withGraphVersion(read.version());
        return asOf == null ? figures.withAsOf(LocalDate.now(ZoneOffset.UTC)) : figures;
    }

    /** The data and the graph version it was read at. */
    private record Read(CoverageData data, long version) {
    }

    /**
     * The store's data at its current graph version; re-read after any write. The version is read
     * before and after the data (several statements): when a write came between, the data is read
     * again (three times at most, then labelled with the later version).
     */
    private synchronized Read data() {
        for (int attempt = 1; ; attempt++) {
            long before = network.graphVersion();
            if (cachedData != null && before == cachedVersion) {
                return new Read(cachedData, before);
            }
            CoverageData data = memory.coverageData();
            long after = network.graphVersion();
            if (before == after || attempt == 3) {
                cachedData = data;
                cachedVersion = before;
                return new Read(data, after);
            }
        }
    }

    /**
     * The figures as one CSV table, one row per figure: {@code section} says which breakdown the row
     * belongs to (region, country, theme, contactKind, organisationType, ecosocStatus, mandate, and
     * the gaps), {@code key} what it counts.
     */
    static Csv.Table csv(CoverageFigures f) {
        Csv.Table out = new Csv.Table(List.of("section", "key", "region", "contacts", "organisations",
                "count", "share", "targetShare", "gap", "neededToReachTarget", "detail"));
        out.add(row("asOf", String.valueOf(f.asOf()), null, null, null, null, null, null, null, null,
                f.mandate() == null ? "whole network" : "partners of " + f.mandate()));
        for (var r : f.byRegion()) {
            out.add(row("region", r.region().name(), r.region().name(), r.contacts(), r.organisations(),
                    r.contacts() + r.organisations(), r.share(), r.targetShare(), r.gap(), r.neededToReachTarget(), null));
        }
        for (var r : f.byCountry()) {
            out.add(row("country", r.country(), r.region() == null ? null : r.region().name(), r.contacts(),
                    r.organisations(), r.contacts() + r.organisations(), r.share(), null, null, null, null));
        }
        for (var r : f.byTheme()) {
            out.add(row("theme", r.theme(), null, r.contacts(), r.organisations(), r.contacts() + r.organisations(),
                    r.share(), null, null, null, null));
        }
        for (var r : f.byContactKind()) {
            out.add(row("contactKind", r.value(), null, null, null, r.count(), r.share(), null, null, null, null));
        }
        for (var r : f.byOrganisationType()) {
            out.add(row("organisationType", r.value(), null, null, null, r.count(), r.share(), null, null, null, null));
        }
        for (var r : f.byEcosocStatus()) {
            out.add(row("ecosocStatus", r.value(), null, null, null, r.count(), r.share(), null, null, null, null));
        }
        for (var m : f.mandates()) {
            out.add(row("mandate", m.id(), null, m.contacts(), m.organisations(), m.partners(), null, null, null,
                    null, m.title()));
        }
        for (var g : f.gaps().mandatesBelowMinPartners()) {
            out.add(row("mandateBelowMinPartners", g.id(), null, null, null, g.partners(), null, null, null, null,
                    g.title()));
        }
        for (var g : f.gaps().mandatesWithoutPartnerInRegion()) {
            for (var region : g.missingRegions()) {
                out.add(row("mandateWithoutPartnerInRegion", g.id(), region.name(), null, null, 0, null, null, null,
                        null, g.title()));
            }
        }
        for (var g : f.gaps().themesWithoutOrganisationInRegion()) {
            for (var region : g.missingRegions()) {
                out.add(row("themeWithoutOrganisationInRegion", g.theme(), region.name(), null, 0, null, null, null,
                        null, null, null));
            }
        }
        return out;
    }

    /** What the figures cover, for the CSV's {@code scope} column: the whole network or a mandate's partners, on a date. */
    static String scope(CoverageFigures f) {
        return (f.mandate() == null ? "whole network" : "mandate=" + f.mandate()) + " asOf=" + f.asOf()
                + " minPartners=" + f.gaps().minPartners();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
