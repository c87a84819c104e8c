#!/usr/bin/env bash
# Import memory bench (issue 15): src/test/bench/import-memory.sh [rows] [heap]
# Imports a contacts.csv of <rows> refused rows (default 1600000, about 80 MB) under -Xmx<heap>
# (default 256m) and prints the time, the largest live heap after a GC, and the report's size.
# See docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROWS="${1:-1600000}"
HEAP="${2:-256m}"
OUT=target/bench
mkdir -p "$OUT"
mvn_quiet() { mvn -q -o "$@" 2>/dev/null || mvn -q "$@"; }
mvn_quiet test-compile
mvn_quiet dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
java -Xmx"$HEAP" -cp "target/classes:target/test-classes:$(cat "$OUT/classpath.txt")" \
    org.civnet.bench.ImportMemoryBench "$ROWS" 2>&1 | grep -v '^SLF4J\|DEBUG'
