#!/usr/bin/python3
"""Peer measurements for civnet's benchmarks, and the report that sets both side by side.

    peers.py run LABEL DIR MODE    time igraph and NetworkX on the graphs the Java side wrote
    peers.py report DIR MODE       merge java-*.json and peers-*.json into results-MODE.md
    peers.py igraph-betweenness LABEL DIR   one timed igraph exact betweenness (used by the Java side)

Run with Debian's /usr/bin/python3 (python3-networkx 2.8, python3-igraph 0.10). The graphs are
exactly the snapshots civnet analysed: DIR/graph-LABEL.tsv (the default analysis scope) and
DIR/referral-graph-LABEL.tsv (the referral scope, with each tie's referral cost), written as
"# n m" then one "u v [cost]" line per undirected edge.
"""
import json
import math
import os
import platform
import signal
import statistics
import sys
import time
import warnings
from itertools import islice

import igraph
import networkx as nx

TOP = 50
SAMPLES = 256


def load(path):
    with open(path) as f:
        n, m = map(int, f.readline()[1:].split())
        edges, costs = [], []
        for line in f:
            parts = line.split()
            edges.append((int(parts[0]), int(parts[1])))
            if len(parts) > 2:
                costs.append(float(parts[2]))
    assert len(edges) == m, (path, len(edges), m)
    return n, edges, costs


def timed(fn, runs, warmups=0):
    """Wall-clock milliseconds of `runs` calls after `warmups` untimed calls; returns (runs, last result)."""
    result = None
    for _ in range(warmups):
        result = fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out, result


def series(runs, **extra):
    entry = {"medianMs": round(statistics.median(runs), 3), "runsMs": [round(r, 3) for r in runs]}
    entry.update(extra)
    return entry


def latencies(ms, **extra):
    s = sorted(ms)
    def pct(p):
        return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
    entry = {"count": len(s), "p50Ms": round(statistics.median(s), 3), "p90Ms": round(pct(90), 3),
             "p99Ms": round(pct(99), 3), "maxMs": round(s[-1], 3)}
    entry.update(extra)
    return entry


class Timeout(Exception):
    pass


def with_timeout(seconds, fn):
    """Runs fn, raising Timeout after `seconds` (NetworkX is pure Python, so the alarm interrupts it)."""
    def handler(signum, frame):
        raise Timeout()
    previous = signal.signal(signal.SIGALRM, handler)
    signal.alarm(int(seconds))
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def top(scores, k):
    return sorted(range(len(scores)), key=lambda v: (-scores[v], v))[:k]


def log(key, value):
    text = json.dumps(value)
    print("[peers] %s = %s" % (key, text[:300] + ("…" if len(text) > 300 else "")), flush=True)


def run(label, directory, mode):
    full = mode == "full"
    small = label == "10k"
    out = {"python": platform.python_version(), "networkx": nx.__version__, "igraph": igraph.__version__}
    path = os.path.join(directory, "graph-%s.tsv" % label)
    n, edges, _ = load(path)
    java = json.load(open(os.path.join(directory, "java-%s.json" % label)))

    def put(key, value):
        if isinstance(value, dict):
            value["loadavg"] = " ".join(open("/proc/loadavg").read().split()[:3])
        out[key] = value
        log(label + "." + key, value)
        with open(os.path.join(directory, "peers-%s.json" % label), "w") as f:
            json.dump(out, f, indent=2)

    # Graph construction from an in-memory edge list (the nearest peer of civnet's snapshot build).
    runs, g = timed(lambda: igraph.Graph(n=n, edges=edges), 5, 1)
    put("igraph.build", series(runs, vertices=g.vcount(), edges=g.ecount()))

    def nx_graph():
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        return G
    runs, G = timed(nx_graph, 3 if small else 2, 0)
    put("networkx.build", series(runs, vertices=G.number_of_nodes(), edges=G.number_of_edges()))

    # PageRank (NetworkX's conventions: alpha 0.85, tol 1e-6).
    runs, pr = timed(lambda: g.pagerank(damping=0.85), 7, 2)
    ours = [float(x) for x in open(os.path.join(directory, "pagerank-%s.txt" % label))]
    put("igraph.pagerank", series(runs, maxAbsDiffVsCivnet=max(abs(a - b) for a, b in zip(pr, ours))))
    runs, prx = timed(lambda: nx.pagerank(G, alpha=0.85, tol=1e-6), 3, 1)
    put("networkx.pagerank", series(runs, maxAbsDiffVsCivnet=max(abs(prx[v] - ours[v]) for v in range(n))))

    # Betweenness. igraph has no sampled betweenness; NetworkX samples k pivots.
    scale = (n - 1) * (n - 2) / 2.0
    if small:
        # civnet's exact scores (checked against igraph in the interleaved rounds of the Java side).
        exact = [float(x) for x in open(os.path.join(directory, "betweenness-%s.txt" % label))]
    seeds = [1, 2, 3] if (full and small) else [1]
    sampled_runs, overlaps = [], []
    for seed in seeds:
        t0 = time.perf_counter()
        est = nx.betweenness_centrality(G, k=SAMPLES, seed=seed)
        sampled_runs.append((time.perf_counter() - t0) * 1000)
        if small:
            overlaps.append(len(set(top([est[v] for v in range(n)], TOP)) & set(top(exact, TOP))) / TOP)
    extra = {"k": SAMPLES, "seeds": seeds}
    if small:
        extra["top50OverlapWithExact"] = overlaps
    put("networkx.betweenness.sampled", series(sampled_runs, **extra))
    if small:
        estimate = statistics.median(sampled_runs) * n / SAMPLES
        entry = {"extrapolatedMs": round(estimate, 3),
                 "method": "median k=%d time x n/k (same per-source work as the exact run)" % SAMPLES}
        if full:
            cap = float(os.environ.get("BENCH_NX_EXACT_TIMEOUT", "2700"))
            t0 = time.perf_counter()
            try:
                with_timeout(cap, lambda: nx.betweenness_centrality(G))
                entry["measuredMs"] = round((time.perf_counter() - t0) * 1000, 3)
            except Timeout:
                entry["timedOutAfterMs"] = round(cap * 1000, 3)
        put("networkx.betweenness.exact", entry)

    # Isolation peer (10k): cut vertices, bridges, components and multi-source BFS from the mandates.
    if small:
        mandates = [int(x) for x in open(os.path.join(directory, "mandates-%s.txt" % label))]

        def nx_isolation():
            cuts = list(nx.articulation_points(G))
            bridges = list(nx.bridges(G))
            components = list(nx.connected_components(G))
            hops = nx.multi_source_dijkstra_path_length(G, mandates)
            return len(cuts), len(bridges), len(components), len(hops)
        runs, r = timed(nx_isolation, 5, 1)
        put("networkx.isolation", series(runs, articulationPoints=r[0], bridges=r[1], components=r[2],
                                         reachedFromMandates=r[3]))

        def ig_isolation():
            cuts = g.articulation_points()
            bridges = g.bridges()
            components = g.connected_components()
            return len(cuts), len(bridges), len(components)
        runs, r = timed(ig_isolation, 5, 1)
        put("igraph.isolation.cutsBridgesComponents", series(runs, articulationPoints=r[0], bridges=r[1],
                                                             components=r[2]))

    # Referrals: k=3 cheapest loop-free paths between the same contact pairs on the referral graph
    # (NetworkX shortest_simple_paths and igraph get_k_shortest_paths, both Yen's algorithm with
    # Dijkstra, weight = civnet's tie cost; neither has a hop limit or an intermediary rule).
    rn, redges, rcost = load(os.path.join(directory, "referral-graph-%s.tsv" % label))
    RG = nx.Graph()
    RG.add_nodes_from(range(rn))
    RG.add_weighted_edges_from(((a, b, c) for (a, b), c in zip(redges, rcost)), weight="cost")
    rg = igraph.Graph(n=rn, edges=redges)
    rg.es["cost"] = rcost
    pairs = [tuple(map(int, line.split())) for line in open(os.path.join(directory, "referral-pairs-%s.txt" % label))]
    budget = float(os.environ.get("BENCH_PEER_REFERRAL_SECONDS", "120" if full else "20"))
    warnings.filterwarnings("ignore", message="Couldn't reach some vertices")
    for name, query in (
            ("networkx", lambda s, t: list(islice(nx.shortest_simple_paths(RG, s, t, weight="cost"), 3))),
            ("igraph", lambda s, t: rg.get_k_shortest_paths(s, to=t, k=3, weights="cost", output="vpath"))):
        for s, t in pairs[:20]:
            try:
                query(s, t)
            except nx.NetworkXNoPath:
                pass
        ms, started = [], time.perf_counter()
        for s, t in pairs:
            t0 = time.perf_counter()
            try:
                query(s, t)
            except nx.NetworkXNoPath:
                pass
            ms.append((time.perf_counter() - t0) * 1000)
            if time.perf_counter() - started > budget or len(ms) >= 2000:
                break
        put(name + ".referral.single", latencies(ms, pairs="first %d of the same pairs" % len(ms), k=3))
    return out


def igraph_betweenness(label, directory):
    """One timed igraph exact betweenness run, for the Java side's interleaved (paired) rounds."""
    n, edges, _ = load(os.path.join(directory, "graph-%s.tsv" % label))
    g = igraph.Graph(n=n, edges=edges)
    t0 = time.perf_counter()
    b = g.betweenness(directed=False)
    ms = (time.perf_counter() - t0) * 1000
    scale = (n - 1) * (n - 2) / 2.0
    exact = [x / scale for x in b]
    entry = {"ms": round(ms, 3)}
    path = os.path.join(directory, "betweenness-%s.txt" % label)
    if os.path.exists(path):
        ours = [float(x) for x in open(path)]
        entry["maxAbsDiffVsCivnet"] = max(abs(a - c) for a, c in zip(exact, ours))
        entry["sameTop50AsCivnet"] = top(exact, TOP) == top(ours, TOP)
    print(json.dumps(entry), flush=True)


# ---------------------------------------------------------------------- report

def fmt_ms(ms):
    if ms is None:
        return "–"
    if ms >= 10000:
        return "%.1f s" % (ms / 1000)
    if ms >= 100:
        return "%.0f ms" % ms
    if ms >= 1:
        return "%.1f ms" % ms
    return "%.3f ms" % ms


def ratio(peer, ours):
    if peer is None or ours is None or ours == 0:
        return "–"
    r = peer / ours
    return ("%.1f×" % r) if r >= 1 else ("%.2f×" % r)


def verdict(ok):
    return "**met**" if ok else "**not met**"


def report(directory, mode):
    labels = ["10k", "100k"] if mode == "full" else ["10k"]
    J, P = {}, {}
    for label in labels:
        jp = os.path.join(directory, "java-%s.json" % label)
        pp = os.path.join(directory, "peers-%s.json" % label)
        J[label] = json.load(open(jp)) if os.path.exists(jp) else {}
        P[label] = json.load(open(pp)) if os.path.exists(pp) else {}
    machine = open(os.path.join(directory, "machine.txt")).read() if os.path.exists(
        os.path.join(directory, "machine.txt")) else ""
    lines = []
    w = lines.append

    def j(label, key, field="medianMs"):
        v = J[label].get("%s.%s" % (label, key))
        return v.get(field) if isinstance(v, dict) else None

    def p(label, key, field="medianMs"):
        v = P[label].get(key)
        return v.get(field) if isinstance(v, dict) else None

    w("# civnet benchmark results (%s)\n" % mode)
    w("Generated by `src/test/bench/run.sh %s`; ratio = peer time / civnet time (above 1: civnet is faster).\n" % mode)
    w("```\n%s```\n" % machine)
    for label in labels:
        net = J[label].get("%s.network" % label, {})
        snap = J[label].get("%s.snapshot.build" % label, {})
        ref = J[label].get("%s.referral.snapshot.build" % label, {})
        w("**%s network**: %s contacts, %s nodes, %s ties; analysis graph (default scope) %s vertices, %s edges; "
          "referral graph %s vertices, %s edges.\n" % (label, net.get("contacts"), net.get("nodes"), net.get("ties"),
                                                       snap.get("vertices"), snap.get("edges"), ref.get("vertices"),
                                                       ref.get("edges")))

    w("## Issue 4: snapshot and centrality\n")
    w("| measurement | graph | civnet (median) | igraph | NetworkX | ratio igraph | ratio NetworkX | target |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label in labels:
        ours = j(label, "snapshot.build")
        target = ""
        if label == "100k":
            ties = J[label].get("100k.network", {}).get("ties", 0)
            target = "< 5 s for %s ties: %s" % ("{:,}".format(ties), verdict(ours is not None and ours < 5000))
        w("| snapshot build from columns in memory (peers: graph from edge list) | %s | %s | %s | %s | %s | %s | %s |" % (
            label, fmt_ms(ours), fmt_ms(p(label, "igraph.build")), fmt_ms(p(label, "networkx.build")),
            ratio(p(label, "igraph.build"), ours), ratio(p(label, "networkx.build"), ours), target))
        rb = j(label, "snapshot.neo4jReadAndBuild")
        if rb is not None:
            w("| snapshot read from Neo4j + build (median of 3) | %s | %s (read %s, build %s) | – | – | – | – | %s |" % (
                label, fmt_ms(rb), fmt_ms(j(label, "snapshot.neo4jRead")), fmt_ms(j(label, "snapshot.neo4jBuild")),
                ("< 5 s: " + verdict(rb < 5000)) if label == "100k" else ""))
    label = "10k"
    ex = J[label].get("10k.betweenness.exact", {})
    ours = ex.get("medianMs")
    ig = ex.get("igraphMedianMs")
    nxe = P[label].get("networkx.betweenness.exact", {})
    nx_ms = nxe.get("measuredMs")
    nx_note = "measured"
    if nx_ms is None:
        nx_ms = nxe.get("extrapolatedMs")
        nx_note = "extrapolated from k=256"
        if nxe.get("timedOutAfterMs"):
            nx_note = "timed out after %s; extrapolated from k=256" % fmt_ms(nxe["timedOutAfterMs"])
    ok_ig = ex.get("medianRatio") is not None and ex["medianRatio"] > 1
    ok_nx = ours is not None and nx_ms is not None and nx_ms / ours >= 20
    w("| exact betweenness, 2 threads (interleaved with igraph, 3 rounds) | 10k | %s | %s | %s (%s) | %s (median of per-round ratios %s) | %s | faster than igraph: %s; ≥ 20× NetworkX: %s |" % (
        fmt_ms(ours), fmt_ms(ig), fmt_ms(nx_ms), nx_note, ratio(ig, ours),
        ", ".join("%.2f" % r for r in ex.get("ratioPerRound", [])), ratio(nx_ms, ours), verdict(ok_ig),
        verdict(ok_nx)))
    one = j(label, "betweenness.exact.1thread")
    w("| exact betweenness, 1 thread | 10k | %s | %s | %s | %s | %s | (igraph is single-threaded) |" % (
        fmt_ms(one), fmt_ms(ig), fmt_ms(nx_ms), ratio(ig, one), ratio(nx_ms, one)))
    for label in labels:
        ours = j(label, "betweenness.sampled")
        nxs = p(label, "networkx.betweenness.sampled")
        target = ("< 5 s: " + verdict(ours is not None and ours < 5000)) if label == "100k" else ""
        w("| sampled betweenness k=256 | %s | %s | – | %s | – | %s | %s |" % (
            label, fmt_ms(ours), fmt_ms(nxs), ratio(nxs, ours), target))
    for label in labels:
        ours = j(label, "betweenness.sampled384")
        target = ("< 5 s: " + verdict(ours is not None and ours < 5000)) if label == "100k" else ""
        w("| sampled betweenness k=384 (the pivot count for the overlap target) | %s | %s | – | – | – | – | %s |" % (
            label, fmt_ms(ours), target))
    for label in labels:
        ours = j(label, "pagerank")
        w("| PageRank | %s | %s | %s | %s | %s | %s | |" % (
            label, fmt_ms(ours), fmt_ms(p(label, "igraph.pagerank")), fmt_ms(p(label, "networkx.pagerank")),
            ratio(p(label, "igraph.pagerank"), ours), ratio(p(label, "networkx.pagerank"), ours)))
    w("")
    ov = J["10k"].get("10k.betweenness.sampled.top50overlap", {})
    sweep = J["10k"].get("10k.betweenness.sampled.overlapByK", {})
    nxo = P["10k"].get("networkx.betweenness.sampled", {}).get("top50OverlapWithExact")
    if ov:
        w("**Top-50 overlap of sampled (k=256) with exact betweenness at 10k** (target ≥ 90%%): civnet median %.0f%%, "
          "min %.0f%% over seeds 1..10 (%s): %s. NetworkX's own k=256 sampling: %s." % (
              100 * ov["median"], 100 * ov["min"], ", ".join("%.0f%%" % (100 * x) for x in ov["perSeed"]),
              verdict(ov["min"] >= 0.9), ", ".join("%.0f%%" % (100 * x) for x in nxo) if nxo else "–"))
        if sweep:
            w(" More pivots (seeds 1..10 each): " + "; ".join(
                "k=%s: median %.0f%%, min %.0f%%, %s" % (k[1:], 100 * v["medianOverlap"], 100 * v["minOverlap"],
                                                        fmt_ms(v["medianMs"])) for k, v in sweep.items() if isinstance(v, dict)) + ".")
            k384 = sweep.get("k384")
            if isinstance(k384, dict):
                w(" **Target check at k=384** (median overlap ≥ 90%%): %s." % verdict(k384["medianOverlap"] >= 0.9))
        w("")
    checks = []
    ig_b = J["10k"].get("10k.betweenness.exact", {})
    if ig_b.get("maxAbsDiffVsIgraph") is not None:
        checks.append("exact betweenness max |civnet − igraph| = %.1e (normalised), same top 50: %s" % (
            ig_b.get("maxAbsDiffVsIgraph"), ig_b.get("sameTop50AsIgraph")))
    for label in labels:
        pr = P[label].get("igraph.pagerank", {})
        if pr:
            checks.append("PageRank %s max |civnet − igraph| = %.1e" % (label, pr.get("maxAbsDiffVsCivnet")))
    if checks:
        w("Same graph, same definitions: " + "; ".join(checks) + ".\n")

    w("## Issue 2: import into embedded Neo4j\n")
    w("| network | rows | ties | time | rows/s | rejected | target |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for label in labels:
        imp = J[label].get("%s.import" % label)
        if isinstance(imp, dict):
            target = ("well under a minute: " + verdict(imp["ms"] < 60000)) if label == "100k" else ""
            w("| %s | %s | %s | %s | %s | %s | %s |" % (label, "{:,}".format(imp["rows"]), "{:,}".format(imp["ties"]),
                                                       fmt_ms(imp["ms"]), "{:,}".format(imp["rowsPerSecond"]),
                                                       imp["rejected"], target))
    w("")

    w("## Issue 6: isolation analysis (10k)\n")
    iso = J["10k"].get("10k.isolation.run", {})
    res = J["10k"].get("10k.isolation.resilience", {})
    nxi = P["10k"].get("networkx.isolation", {})
    igi = P["10k"].get("igraph.isolation.cutsBridgesComponents", {})
    w("| measurement | civnet (median) | NetworkX | igraph | ratio NetworkX | target |")
    w("| --- | --- | --- | --- | --- | --- |")
    if iso:
        w("| IsolationAnalysis.run (groupBy=theme, %s groups) | %s | %s | %s | %s | < 1 s: %s |" % (
            iso.get("groups"), fmt_ms(iso.get("medianMs")), fmt_ms(nxi.get("medianMs")), fmt_ms(igi.get("medianMs")),
            ratio(nxi.get("medianMs"), iso.get("medianMs")), verdict(iso.get("medianMs", 1e9) < 1000)))
    if res:
        w("| resilience what-if (remove %s cut vertices; as the service) | %s | | | | < 1 s: %s |" % (
            res.get("removed"), fmt_ms(res.get("medianMs")), verdict(res.get("medianMs", 1e9) < 1000)))
    hi = J["10k"].get("10k.http.isolation")
    if isinstance(hi, dict):
        w("| GET /api/analysis/isolation over HTTP (warm snapshot) | %s | | | | |" % fmt_ms(hi.get("medianMs")))
    hr = J["10k"].get("10k.http.resilience")
    if isinstance(hr, dict):
        w("| POST /api/analysis/resilience over HTTP | %s | | | | |" % fmt_ms(hr.get("medianMs")))
    if nxi:
        w("\nPeer work: NetworkX `articulation_points` + `bridges` + `connected_components` + "
          "`multi_source_dijkstra_path_length` from the %s mandates; igraph: articulation points, bridges, components "
          "only. civnet's run also computes groups, E-I, disjoint routes and suggested ties. Found: %s articulation "
          "points and %s bridges (civnet: %s and %s)." % (
              iso.get("mandates"), nxi.get("articulationPoints"), nxi.get("bridges"),
              iso.get("articulationPoints"), iso.get("bridges")))
    w("")

    w("## Issue 5: referral queries\n")
    breakdown = []
    w("| measurement | graph | p50 | p99 | peer | ratio p50 | target |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for label in labels:
        def lat(key):
            v = J[label].get("%s.%s" % (label, key))
            return v if isinstance(v, dict) else None
        single = lat("referral.single")
        nxr = P[label].get("networkx.referral.single", {})
        igr = P[label].get("igraph.referral.single", {})
        big = label == "100k"
        per_pair = os.path.join(directory, "referral-single-ms-%s.txt" % label)
        ours_ms = [float(x) for x in open(per_pair)] if os.path.exists(per_pair) else []
        if single:
            w("| ReferralSearch.kShortest k=3, maxHops 4, in-process, sequential, %d pairs | %s | %s | %s | | | |" % (
                single["count"], label, fmt_ms(single["p50Ms"]), fmt_ms(single["p99Ms"])))
        for name, peer in (("NetworkX", nxr), ("igraph", igr)):
            if peer and ours_ms:
                same = ours_ms[:peer["count"]]
                mine = statistics.median(same)
                w("| … the same first %d pairs: civnet vs %s k=3 (no hop limit, no consent rule) | %s | %s | %s | "
                  "%s: p50 %s, p99 %s | %s | |" % (
                      peer["count"], name, label, fmt_ms(mine), fmt_ms(sorted(same)[max(0, math.ceil(0.99 * len(same)) - 1)]),
                      name, fmt_ms(peer["p50Ms"]), fmt_ms(peer["p99Ms"]), ratio(peer["p50Ms"], mine)))
        svc = lat("referral.service.single")
        if svc:
            w("| ReferralService.toPerson in-process (warm) | %s | %s | %s | | | |" % (
                label, fmt_ms(svc["p50Ms"]), fmt_ms(svc["p99Ms"])))
        for clients in ("1client", "4clients", "reachable.4clients"):
            h = lat("http.referral.single." + clients)
            if h:
                target = ""
                if big and clients == "4clients":
                    target = "p50 < 10 ms: %s; p99 < 50 ms: %s" % (verdict(h["p50Ms"] < 10), verdict(h["p99Ms"] < 50))
                w("| GET /api/referrals?from=&to= over HTTP, %s (%s req/s, statuses %s) | %s | %s | %s | | | %s |" % (
                    clients.replace("reachable.", "only pairs with a path, ").replace("client", " client"), h.get("throughputPerSecond"), h.get("statuses"), label,
                    fmt_ms(h["p50Ms"]), fmt_ms(h["p99Ms"]), target))
        region = lat("referral.region")
        if region:
            w("| region target query (k=3, best 20) in-process | %s | %s | %s | | | |" % (
                label, fmt_ms(region["p50Ms"]), fmt_ms(region["p99Ms"])))
        for clients in ("1client", "4clients"):
            h = lat("http.referral.region." + clients)
            if h:
                target = ""
                if big and clients == "4clients":
                    target = "< 200 ms (p50): %s; p99: %s" % (verdict(h["p50Ms"] < 200), fmt_ms(h["p99Ms"]))
                w("| GET /api/referrals?from=&region= over HTTP, %s (%s req/s, statuses %s) | %s | %s | %s | | | %s |" % (
                    clients.replace("client", " client"), h.get("throughputPerSecond"), h.get("statuses"), label,
                    fmt_ms(h["p50Ms"]), fmt_ms(h["p99Ms"]), target))
        parts = [("pure search, shared warm instance", "referral.single"),
                 ("search as the service runs it (new instance per query, why() when no path)",
                  "referral.single.asService"),
                 ("… pairs with a path", "referral.single.asService.found"),
                 ("… pairs without a path (why(): bounded searches + components)", "referral.single.asService.noPath"),
                 ("NetworkStore.graphVersion() (one Bolt round trip; every analysis request)", "store.graphVersion"),
                 ("AuditLog record (one write transaction; every referral request)", "store.auditRecord"),
                 ("ReferralService.toPerson in-process", "referral.service.single"),
                 ("GET /api/referrals?from=&to=, 1 client", "http.referral.single.1client")]
        rows = [(what, lat(key)) for what, key in parts if lat(key)]
        if rows:
            breakdown.append("\n**Where the time of a single query goes (%s)**\n" % label)
            breakdown.append("| step | count | p50 | p90 | p99 |")
            breakdown.append("| --- | --- | --- | --- | --- |")
            for what, v in rows:
                breakdown.append("| %s | %s | %s | %s | %s |" % (what, v["count"], fmt_ms(v["p50Ms"]),
                                                              fmt_ms(v["p90Ms"]), fmt_ms(v["p99Ms"])))
        http = J[label].get("%s.http" % label)
        if isinstance(http, str):
            w("| HTTP load run | %s | %s | | | | |" % (label, http))
    lines.extend(breakdown)
    w("")
    text = "\n".join(lines) + "\n"
    path = os.path.join(directory, "results-%s.md" % mode)
    with open(path, "w") as f:
        f.write(text)
    print(text)
    print("written to " + path)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "quick")
    elif len(sys.argv) >= 4 and sys.argv[1] == "igraph-betweenness":
        igraph_betweenness(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "quick")
    else:
        sys.exit(__doc__)
