#!/usr/bin/env bash
# civnet benchmarks: src/test/bench/run.sh [quick|full]
#   quick  the 10,000-contact demo network (about 5 minutes on a quiet 2-core machine)
#   full   10,000 and 100,000 contacts (about a million ties), NetworkX's exact betweenness
#          measured rather than extrapolated (an hour or more)
# Each figure is measured in the same run as its peer (igraph and NetworkX from Debian's
# python3-igraph / python3-networkx, run by /usr/bin/python3) on the same graph, which the Java
# side writes to target/bench/. Results: target/bench/results-<mode>.md (see docs/BENCHMARKS.md).
# Environment: BENCH_XMX (default 6g), BENCH_SKIP_STORE=1 (no Neo4j / HTTP part),
# BENCH_NX_EXACT_TIMEOUT (seconds, default 2700), BENCH_PEER_REFERRAL_SECONDS,
# BENCH_ONLY=incremental (only issue 18's write-then-analysis figures: no peers, no other figures).
set -euo pipefail
cd "$(dirname "$0")/../../.."

MODE="${1:-quick}"
case "$MODE" in quick|full) ;; *) echo "usage: src/test/bench/run.sh [quick|full]" >&2; exit 2 ;; esac
OUT=target/bench
PY=/usr/bin/python3
mkdir -p "$OUT"
rm -f "$OUT"/java-*.json "$OUT"/peers-*.json

if ! "$PY" -c 'import igraph, networkx' 2>/dev/null; then
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
    echo "jvm flags:   -Xmx${BENCH_XMX:-6g}"
}
{ machine; echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$OUT/machine.txt"
cat "$OUT/machine.txt"

JAVA_OPTS=(-Xmx"${BENCH_XMX:-6g}" -Xms1g
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)
[ "${BENCH_SKIP_STORE:-0}" = 1 ] && JAVA_OPTS+=(-Dbench.skipStore=true)
java "${JAVA_OPTS[@]}" -cp "target/classes:target/test-classes:$(cat "$OUT/classpath.txt")" \
    org.civnet.bench.BenchMain "$MODE" "$OUT"
echo "load after civnet: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
if [ "${BENCH_ONLY:-}" = incremental ]; then
    cat "$OUT"/machine.txt "$OUT"/java-incremental-*.json
    exit 0
fi

LABELS=(10k)
[ "$MODE" = full ] && LABELS+=(100k)
for label in "${LABELS[@]}"; do
    "$PY" src/test/bench/peers.py run "$label" "$OUT" "$MODE"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PY" src/test/bench/peers.py report "$OUT" "$MODE"
