#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless against a civnet started here with the demo network,
# each with a token of the role it is made for (centrality-report: REPORTS; the analyses: ANALYST),
# made here through the API as the administrator. A notebook that raises (an HTTP error, a missing
# field, a 403 for its role) fails the script, and so does a chart a notebook saves (notebooks/out/*.png)
# that is missing or blank (check-charts.py). The executed copies and civnet's log land in
# target/notebooks/. CI calls it after `mvn verify` with CIVNET_SKIP_BUILD=1.
#
#   notebooks/run-all.sh            build the jar, start civnet, run the notebooks, stop civnet
#   CIVNET_SKIP_BUILD=1 notebooks/run-all.sh    reuse target/civnet-*.jar
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3   # Debian's Python, where the packages below live (not a pyenv or venv one on PATH)
PACKAGES=(python3-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-networkx python3-requests python3-pil python3-numpy)
OUT=target/notebooks
CHARTS=$PWD/notebooks/out   # the charts, as PNG files (git-ignored)

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

# One user per role the notebooks are made for, each with its own token, made through the API as the
# administrator (as an administrator would for a dashboard or an analyst): REPORTS reads /api/reports/**
# and /api/graph/stats only; ANALYST reads the network and every analysis, pseudonymised.
read -r REPORTS_TOKEN ANALYST_TOKEN < <(ADMIN_PASSWORD="$ADMIN_PASSWORD" "$PYTHON" - <<'PY'
import os, secrets, requests
url, admin = os.environ["CIVNET_URL"], ("admin", os.environ["ADMIN_PASSWORD"])
tokens = []
for role in ("REPORTS", "ANALYST"):
    user = ("notebooks-" + role.lower(), secrets.token_urlsafe(24))
    requests.post(url + "/api/users", auth=admin, timeout=60,
                  json={"username": user[0], "password": user[1], "role": role}).raise_for_status()
    r = requests.post(url + "/api/tokens", auth=user, json={"name": "notebooks", "expiresInDays": 1}, timeout=60)
    r.raise_for_status()
    tokens.append(r.json()["token"])
print(*tokens)
PY
)
[ -n "$REPORTS_TOKEN" ] && [ -n "$ANALYST_TOKEN" ] || { echo "could not create the notebooks' users and tokens" >&2; exit 1; }
# The role each notebook is made for (a notebook checks it got a token of that role: CIVNET_EXPECT_ROLE).
role_of() {
  case "$(basename "$1" .ipynb)" in
    centrality-report) echo REPORTS ;;
    *) echo ANALYST ;;
  esac
}
# The demo's human rights officer, as the demo loader reports it (the notebook finds one itself otherwise).
CIVNET_FROM=$(sed -n 's/.*the HRO contact is \([A-Za-z0-9._:-]*\).*/\1/p' "$LOG" | sed -n 1p)
export CIVNET_FROM
export MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1 CIVNET_CHARTS="$CHARTS"
rm -rf "$CHARTS" && mkdir -p "$CHARTS"

failed=()
for notebook in notebooks/*.ipynb; do
  role=$(role_of "$notebook")
  if [ "$role" = REPORTS ]; then token=$REPORTS_TOKEN; else token=$ANALYST_TOKEN; fi
  echo "== running $notebook as $role"
  started=$(date +%s)
  if CIVNET_TOKEN="$token" CIVNET_EXPECT_ROLE="$role" "$PYTHON" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
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
echo "== checking the charts"
"$PYTHON" notebooks/check-charts.py "$CHARTS" notebooks/*.ipynb
echo "== all notebooks ran; executed copies in $OUT, charts in $CHARTS"
