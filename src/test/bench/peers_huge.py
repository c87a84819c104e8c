#!/usr/bin/python3
"""The peers on the huge network (run.sh huge): igraph and graph-tool on DIR/graph-huge.tsv, the
snapshot civnet analysed. Each measurement runs in a child process of its own, killed after
BENCH_PEER_TIMEOUT seconds (default 600): igraph and graph-tool compute in C, where no Python
alarm reaches them. A measurement that ran out of time is recorded as such.

    peers_huge.py run DIR          every measurement, into DIR/peers-huge.json
    peers_huge.py one NAME DIR     one measurement (used by run), its result as JSON on stdout

BENCH_PEER_ONLY=name,name limits run to those measurements.
"""
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

SAMPLES = 256
PAIRS = 20


def load(directory):
    with open(os.path.join(directory, "graph-huge.tsv")) as f:
        n, m = map(int, f.readline()[1:].split())
        edges = np.array(f.read().split(), dtype=np.int64).reshape(-1, 2)
    assert len(edges) == m
    return n, edges


def pairs(directory, n):
    rng = np.random.default_rng(7)
    return [tuple(map(int, rng.integers(0, n, 2))) for _ in range(PAIRS)]


def igraph_graph(n, edges):
    import igraph
    return igraph.Graph(n=n, edges=edges.tolist())


def graph_tool_graph(n, edges):
    import graph_tool
    g = graph_tool.Graph(directed=False)
    g.add_vertex(n)
    g.add_edge_list(edges)
    return g


def measure(name, directory):
    n, edges = load(directory)
    t0 = time.perf_counter()
    extra = {}
    if name == "igraph.build":
        g = igraph_graph(n, edges)
        extra = {"vertices": g.vcount(), "edges": g.ecount()}
    elif name == "graph-tool.build":
        g = graph_tool_graph(n, edges)
        extra = {"vertices": g.num_vertices(), "edges": g.num_edges()}
    else:
        library = name.split(".")[0]
        g = igraph_graph(n, edges) if library == "igraph" else graph_tool_graph(n, edges)
        t0 = time.perf_counter()
        if name == "igraph.leiden":
            p = g.community_leiden(objective_function="modularity", n_iterations=-1)
            extra = {"modularity": round(g.modularity(p.membership), 4), "communities": len(p)}
        elif name == "igraph.isolation":
            extra = {"articulationPoints": len(g.articulation_points()), "bridges": len(g.bridges()),
                     "components": len(g.connected_components())}
        elif name == "igraph.referral":
            for a, b in pairs(directory, n):
                g.get_k_shortest_paths(a, b, k=3)
            extra = {"pairs": PAIRS, "what": "k=3 shortest paths per pair, no hop limit"}
        elif name == "igraph.pagerank":
            g.pagerank()
        elif name == "graph-tool.betweenness.sampled":
            import graph_tool.centrality
            pivots = np.random.default_rng(1).choice(n, SAMPLES, replace=False)
            graph_tool.centrality.betweenness(g, pivots=pivots)
            extra = {"k": SAMPLES, "threads": os.environ.get("OMP_NUM_THREADS", "all")}
        elif name == "graph-tool.isolation":
            import graph_tool.topology
            _, articulation, _ = graph_tool.topology.label_biconnected_components(g)
            extra = {"articulationPoints": int(articulation.a.sum())}
        else:
            raise SystemExit("unknown measurement " + name)
    ms = (time.perf_counter() - t0) * 1000
    extra["maxRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"ms": round(ms, 1), **extra}


NAMES = ["igraph.build", "graph-tool.build", "graph-tool.betweenness.sampled", "igraph.leiden",
         "igraph.isolation", "graph-tool.isolation", "igraph.referral", "igraph.pagerank"]


def run(directory):
    timeout = int(os.environ.get("BENCH_PEER_TIMEOUT", "600"))
    path = os.path.join(directory, "peers-huge.json")
    out = {}
    only = os.environ.get("BENCH_PEER_ONLY")
    for name in only.split(",") if only else NAMES:
        load_avg = " ".join(open("/proc/loadavg").read().split()[:3])
        t0 = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, __file__, "one", name, directory], capture_output=True, text=True,
                                  timeout=timeout + 120)
            result = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {
                "error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "exit %d" % done.returncode}
            if "ms" in result and result["ms"] > timeout * 1000:
                result = {"timedOut": True, "limitSeconds": timeout, "ms": result["ms"]}
        except subprocess.TimeoutExpired:
            result = {"timedOut": True, "limitSeconds": timeout}
        result["loadavg"] = load_avg
        result["wallWithLoadMs"] = round((time.perf_counter() - t0) * 1000)
        out[name] = result
        print("[peers-huge] %s = %s" % (name, json.dumps(result)), flush=True)
        with open(path, "w") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "run":
        run(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "one":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        raise SystemExit(__doc__)
