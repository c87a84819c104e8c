#!/usr/bin/env bash
# civnet benchmarks: src/test/bench/run.sh [quick|full|huge]
#   quick  the 10,000-contact demo network (about 5 minutes on a quiet 2-core machine)
#   full   10,000 and 100,000 contacts (about a million ties), NetworkX's exact betweenness
#          measured rather than extrapolated (an hour or more)
#   huge   1,000,000 contacts (about ten million ties): in memory, then igraph and graph-tool
#          (python3-graph-tool) each measurement in a child killed after BENCH_PEER_TIMEOUT s
#          (600), then the store (embedded Neo4j under /tmp, deleted afterwards) within
#          BENCH_HUGE_STORE_TIMEOUT s (2400). Heap: BENCH_XMX (16g for huge); size:
#          BENCH_HUGE_CONTACTS. Results: target/bench/java-huge.json, peers-huge.json.
# Each figure is measured in the same run as its peer (igraph and NetworkX from Debian's
# python3-igraph / python3-networkx, run by /usr/bin/python3) on the same graph, which the Java
# side writes to target/bench/. Results: target/bench/results-<mode>.md (see docs/BENCHMARKS.md).
# Environment: BENCH_XMX (default 6g), BENCH_SKIP_STORE=1 (no Neo4j / HTTP part),
# BENCH_NX_EXACT_TIMEOUT (seconds, default 2700), BENCH_PEER_REFERRAL_SECONDS,
# BENCH_ONLY=certified (only certified betweenness, issue 18 part 4, with NetworkX's k sampling beside
# it: src/test/bench/certified_peers.py; BENCH_NX_CERT_K, BENCH_NX_CERT_SEEDS), BENCH_CERT_EXACT=0 (no
# exact reference where none is stored yet: samples and seconds only).
# BENCH_ONLY=incremental (only issue 18's write-then-analysis figures: no peers, no other figures).
set -euo pipefail
cd "$(dirname "$0")/../../.."

MODE="${1:-quick}"
case "$MODE" in quick|full|huge) ;; *) echo "usage: src/test/bench/run.sh [quick|full|huge]" >&2; exit 2 ;; esac
OUT=target/bench
PY=/usr/bin/python3
mkdir -p "$OUT"
rm -f "$OUT"/java-*.json "$OUT"/peers-*.json

if [ "$MODE" = huge ] && ! "$PY" -c 'import igraph, graph_tool, numpy' 2>/dev/null; then
    echo "The huge run's peers need Debian's python3-igraph and python3-graph-tool:" >&2
    echo "    sudo apt-get install -y python3-igraph python3-graph-tool" >&2
    exit 1
fi
if [ "$MODE" != huge ] && ! "$PY" -c 'import igraph, networkx' 2>/dev/null; then
    echo "The peers need Debian's python3-igraph and python3-networkx:" >&2
    echo "    sudo apt-get install -y python3-networkx python3-igraph" >&2
    exit 1
fi

# Test classes (the benchmark lives in src/test/java/org/civnet/bench, never in the jar) and the
# test classpath. Offline first; fall back to online if a dependency is missing.
mvn_quiet() { mvn -q -o "$@" 2>/dev/null || mvn -q "$@"; }
mvn_quiet test-compile
mvn_quiet dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test

machine() {
    echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc $(nproc)"
    echo "memory:      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
    echo "java:        $(java -version 2>&1 | sed -n 2p)"
    echo "python:      $("$PY" -c 'import sys, networkx, igraph; print(sys.version.split()[0], "networkx", networkx.__version__, "igraph", igraph.__version__)')"
    [ "$MODE" = huge ] && echo "graph-tool:  $("$PY" -c 'import graph_tool; print(graph_tool.__version__)')"
    echo "disk /tmp:   $(df -h /tmp | awk 'NR==2 {print $4 " free"}')"
    echo "jvm flags:   -Xmx${BENCH_XMX:-$DEFAULT_XMX}"
}
DEFAULT_XMX=6g
[ "$MODE" = huge ] && DEFAULT_XMX=16g
{ machine; echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$OUT/machine.txt"
cat "$OUT/machine.txt"

LABELS=(10k)
[ "$MODE" = full ] && LABELS+=(100k)

JAVA_OPTS=(-Xmx"${BENCH_XMX:-$DEFAULT_XMX}" -Xms1g -Dbench.hugeContacts="${BENCH_HUGE_CONTACTS:-1000000}"
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
[ "${BENCH_SKIP_STORE:-0}" = 1 ] && JAVA_OPTS+=(-Dbench.skipStore=true)
[ "${BENCH_CERT_EXACT:-1}" = 0 ] && JAVA_OPTS+=(-Dbench.certifiedExact=false)
CP="target/classes:target/test-classes:$(cat "$OUT/classpath.txt")"

certified_peers() {
    for label in "${LABELS[@]}"; do
        "$PY" src/test/bench/certified_peers.py run "$label" "$OUT"
    done
    echo "load after certified peers: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    "$PY" src/test/bench/certified_peers.py report "$OUT" "${LABELS[@]}"
}

if [ "$MODE" = huge ]; then
    java "${JAVA_OPTS[@]}" -cp "$CP" org.civnet.bench.BenchMain huge "$OUT"
    echo "load after civnet (memory): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    "$PY" src/test/bench/peers_huge.py run "$OUT"
    echo "load after peers: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    timeout --signal=TERM "${BENCH_HUGE_STORE_TIMEOUT:-2400}" \
        java "${JAVA_OPTS[@]}" -Xmx"${BENCH_STORE_XMX:-8g}" -cp "$CP" org.civnet.bench.BenchMain huge-store "$OUT" \
        || echo "store part: stopped (exit $?) — see java-huge.json for what it measured" | tee -a "$OUT/machine.txt"
    rm -rf /tmp/civnet-huge-*
    echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    exit 0
fi
if [ "${BENCH_ONLY:-}" = certified ]; then
    java "${JAVA_OPTS[@]}" -cp "$CP" org.civnet.bench.CertifiedBetweennessBench "$OUT" "${LABELS[@]}"
    echo "load after civnet: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
    certified_peers
    exit 0
fi
java "${JAVA_OPTS[@]}" -cp "$CP" org.civnet.bench.BenchMain "$MODE" "$OUT"
echo "load after civnet: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
if [ "${BENCH_ONLY:-}" = incremental ]; then
    cat "$OUT"/machine.txt "$OUT"/java-incremental-*.json
    exit 0
fi

for label in "${LABELS[@]}"; do
    "$PY" src/test/bench/peers.py run "$label" "$OUT" "$MODE"
done
certified_peers
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PY" src/test/bench/peers.py report "$OUT" "$MODE"
