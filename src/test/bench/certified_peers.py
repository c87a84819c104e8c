#!/usr/bin/python3
"""NetworkX's pivot-sampled betweenness beside civnet's certified sampling (issue 18 part 4).

    certified_peers.py run LABEL DIR       NetworkX betweenness_centrality(k=...) on DIR/graph-LABEL.tsv:
                                           seconds, and the largest error against the exact values in
                                           DIR/betweenness-exact-LABEL.txt (when present)
    certified_peers.py report DIR LABEL... the markdown table from java-certified-*.json and
                                           peers-certified-*.json

Environment: BENCH_NX_CERT_K (comma-separated pivot counts; default 64,256,1024 at 10k and 64 above),
BENCH_NX_CERT_SEEDS (default 1).
"""
import json
import os
import sys
import time

import networkx as nx

TOP = 50


def load_graph(path):
    with open(path) as f:
        n, m = map(int, f.readline()[1:].split())
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from((int(a), int(b)) for a, b, *_ in (line.split() for line in f))
    assert G.number_of_edges() == m
    return n, G


def load_exact(path, n):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        header = f.readline()
        values = [float(x) for x in f]
    return values if len(values) == n else None


def top(values, k):
    return set(sorted(range(len(values)), key=lambda v: (-values[v], v))[:k])


def run(label, directory):
    n, G = load_graph(os.path.join(directory, "graph-%s.tsv" % label))
    exact = load_exact(os.path.join(directory, "betweenness-exact-%s.txt" % label), n)
    default = "64,256,1024" if label == "10k" else "64"
    ks = [int(k) for k in os.environ.get("BENCH_NX_CERT_K", default).split(",")]
    seeds = [int(s) for s in os.environ.get("BENCH_NX_CERT_SEEDS", "1").split(",")]
    out = {"networkx": nx.__version__, "rows": []}
    exact_top = top(exact, TOP) if exact else None
    for k in ks:
        for seed in seeds:
            load = " ".join(open("/proc/loadavg").read().split()[:3])
            t0 = time.perf_counter()
            b = nx.betweenness_centrality(G, k=k, normalized=True, seed=seed)
            seconds = time.perf_counter() - t0
            row = {"k": k, "seed": seed, "seconds": round(seconds, 3), "loadavg": load}
            if exact:
                est = [b[v] for v in range(n)]
                row["maxError"] = max(abs(a - e) for a, e in zip(est, exact))
                row["top50Overlap"] = len(top(est, TOP) & exact_top) / TOP
            out["rows"].append(row)
            print("[peers] %s networkx k=%d seed=%d: %s" % (label, k, seed, row), flush=True)
            with open(os.path.join(directory, "peers-certified-%s.json" % label), "w") as f:
                json.dump(out, f, indent=2)


def report(directory, labels):
    lines = []
    for label in labels:
        java_path = os.path.join(directory, "java-certified-%s.json" % label)
        if not os.path.exists(java_path):
            continue
        java = json.load(open(java_path))
        peers_path = os.path.join(directory, "peers-certified-%s.json" % label)
        peers = json.load(open(peers_path)) if os.path.exists(peers_path) else {"rows": []}
        exact = java.get(label + ".certified.exact", {})
        lines.append("### %s (%s vertices, %s edges)\n" % (label, exact.get("vertices"), exact.get("edges")))
        lines.append("| method | parameter | samples (pivots) | seconds (median) | observed max error "
                     "(per seed) | within ε | top-50 overlap | guarantee |")
        lines.append("| --- | --- | ---: | ---: | --- | --- | --- | --- |")
        for key, row in java.items():
            if ".certified.eps" in key:
                errors = row["maxErrorPerSeed"]
                within = row["withinEpsilon"]
                lines.append("| civnet `approx=auto` | ε=%s, δ=%s (VD ≤ %d) | %d | %.2f | %s | %s | %s | (ε, δ) |" % (
                    row["epsilon"], row["delta"], row["vertexDiameterBound"], row["samples"], row["medianSeconds"],
                    ", ".join("%.4f" % e for e in errors) or "–",
                    within if isinstance(within, str) else "yes" if within else "**no**",
                    ", ".join("%.2f" % o for o in row["top50OverlapPerSeed"]) or "–"))
        topk = java.get(label + ".certified.topK")
        if topk:
            for run in topk["runs"]:
                lines.append("| civnet `approx=auto&topK=%d` | seed %d, δ=%s, cap %d; stop %s | %d | %.2f | %.4f "
                             "| ε reached %.4f | top-%d overlap %.2f | %d of %d certified, %d wrongly |" % (
                                 run["k"], run["seed"], topk["delta"], topk["cap"], run["stop"].lower(), run["samples"],
                                 run["seconds"], run["maxError"], run["epsilonReached"], run["k"], run["topKOverlap"],
                                 run["certified"], run["k"], run["certifiedNotInExactTop"]))
        for key, row in java.items():
            if ".certified.pivots" in key:
                lines.append("| civnet `approx=k` | k=%d | %d | %.2f | %s | – | %s | none |" % (
                    row["k"], row["k"], row["medianSeconds"], ", ".join("%.4f" % e for e in row["maxErrorPerSeed"]) or "–",
                    ", ".join("%.2f" % o for o in row["top50OverlapPerSeed"]) or "–"))
        for row in peers["rows"]:
            lines.append("| NetworkX `betweenness_centrality(k=…)` | k=%d, seed %d | %d | %.2f | %s | – | %s | none "
                         "(load %s) |" % (row["k"], row["seed"], row["k"], row["seconds"],
                                          "%.4f" % row["maxError"] if "maxError" in row else "–",
                                          "%.2f" % row["top50Overlap"] if "top50Overlap" in row else "–",
                                          row["loadavg"]))
        lines.append("")
    text = "\n".join(lines)
    with open(os.path.join(directory, "results-certified.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3:] or ["10k", "100k"])
    else:
        sys.exit(__doc__)
