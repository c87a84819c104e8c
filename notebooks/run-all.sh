#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless against a civnet started here with the demo network.
# A notebook that raises (an HTTP error, a missing field) fails the script; the executed copies and
# civnet's log land in target/notebooks/. CI calls it after `mvn verify` with CIVNET_SKIP_BUILD=1.
#
#   notebooks/run-all.sh            build the jar, start civnet, run the notebooks, stop civnet
#   CIVNET_SKIP_BUILD=1 notebooks/run-all.sh    reuse target/civnet-*.jar
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3   # Debian's Python, where the packages below live (not a pyenv or venv one on PATH)
PACKAGES=(python3-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-networkx python3-requests)
OUT=target/notebooks

# ---- Python packages from Debian, installed only when missing ------------------------------------
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "== installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- committed notebooks carry no outputs (results can name people) -------------------------------
"$PYTHON" - notebooks/*.ipynb <<'PY'
import sys, nbformat
dirty = [p for p in sys.argv[1:] if any(c.cell_type == "code" and (c.outputs or c.execution_count)
                                        for c in nbformat.read(p, as_version=4).cells)]
if dirty:
    sys.exit("notebooks with outputs (clear them: python3 -m nbconvert --clear-output --inplace notebooks/*.ipynb): "
             + ", ".join(dirty))
PY

# ---- the jar ---------------------------------------------------------------------------------------
if [ -z "${CIVNET_SKIP_BUILD:-}" ]; then
  echo "== building the jar"
  mvn -B -ntp -q package -DskipTests
fi
JAR=$(ls target/civnet-*.jar | grep -v -e '\.original$' -e '-plain\.jar$' | sed -n 1p)
[ -f "$JAR" ] || { echo "no target/civnet-*.jar; run without CIVNET_SKIP_BUILD" >&2; exit 1; }

# ---- civnet with the demo network, an embedded Neo4j in a temporary directory -------------------------
WORK=$(mktemp -d -t civnet-notebooks.XXXXXX)
mkdir -p "$OUT"
LOG="$OUT/civnet.log"
PID=""
stop_civnet() {
  status=$?
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    echo "== stopping civnet (pid $PID)"
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$PID" 2>/dev/null && { echo "civnet did not stop within 90 s; killing it" >&2; kill -KILL "$PID" 2>/dev/null || true; }
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap stop_civnet EXIT
trap 'exit 130' INT TERM

PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ADMIN_PASSWORD=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))')
echo "== starting civnet (demo profile) on port $PORT; log: $LOG"
env -u CIVNET_NEO4J_URI CIVNET_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" --server.address=127.0.0.1 \
    --civnet.neo4j.data-directory="$WORK/data" --civnet.secrets-directory="$WORK/secrets" --civnet.neo4j.bolt-port=0 \
    --civnet.backup.directory="$WORK/backups" >"$LOG" 2>&1 &
PID=$!

export CIVNET_URL="http://127.0.0.1:$PORT"
# Ready (not merely up) means the demo network is loaded: readiness follows the application runners.
"$PYTHON" - "$PID" <<'PY'
import os, sys, time, requests
pid, url = int(sys.argv[1]), os.environ["CIVNET_URL"] + "/actuator/health/readiness"
deadline = time.time() + 600
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("civnet exited during start-up; see target/notebooks/civnet.log")
    try:
        if requests.get(url, timeout=5).json().get("status") == "UP":
            sys.exit(0)
    except (requests.RequestException, ValueError):
        pass
    time.sleep(2)
sys.exit("civnet was not ready within 10 minutes; see target/notebooks/civnet.log")
PY
echo "== civnet is ready"

CIVNET_TOKEN=$(ADMIN_PASSWORD="$ADMIN_PASSWORD" "$PYTHON" - <<'PY'
import os, requests
r = requests.post(os.environ["CIVNET_URL"] + "/api/tokens", auth=("admin", os.environ["ADMIN_PASSWORD"]),
                  json={"name": "notebooks", "expiresInDays": 1}, timeout=60)
r.raise_for_status()
print(r.json()["token"])
PY
)
export CIVNET_TOKEN
# The demo's human rights officer, as the demo loader reports it (the notebook finds one itself otherwise).
CIVNET_FROM=$(sed -n 's/.*the HRO contact is \([A-Za-z0-9._:-]*\).*/\1/p' "$LOG" | sed -n 1p)
export CIVNET_FROM
export MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1

failed=()
for notebook in notebooks/*.ipynb; do
  echo "== running $notebook"
  started=$(date +%s)
  if "$PYTHON" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
      --output-dir "$OUT" "$notebook" >"$OUT/$(basename "$notebook" .ipynb).nbconvert.log" 2>&1; then
    echo "   ok in $(( $(date +%s) - started )) s"
  else
    echo "   FAILED: $notebook" >&2
    sed 's/\x1b\[[0-9;]*m//g' "$OUT/$(basename "$notebook" .ipynb).nbconvert.log" | grep -v '^\s*File \|^\s*\^' | tail -25 >&2
    failed+=("$notebook")
  fi
done

if ((${#failed[@]})); then
  echo "== ${#failed[@]} notebook(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "== all notebooks ran; executed copies in $OUT"
