#!/usr/bin/env bash
# Exporting every lead as CSV (GET /api/v1/leads with Accept: text/csv) from a JVM held to -Xmx512m:
# the file's size, rows, time and rows/s, and the heap's peak (sampled with jstat every 200 ms while
# the download runs). A database with no leads is first filled by bench/load.sql (LEADS of them).
#   DB=sk_bench_export LEADS=1000000 JAR=target/smartketing-0.1.0-SNAPSHOT.jar bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB=${DB:-sk_bench_export}
LEADS=${LEADS:-1000000}
HEAP=${HEAP:-512m}
JAR=${JAR:-$(ls target/smartketing-*.jar | grep -v plain | head -1)}
PORT=${PORT:-18081}
ADMIN_EMAIL=bench.admin@bench.example.com
ADMIN_PASSWORD=bench-password-123
BASE=http://127.0.0.1:$PORT
OUT=target/bench/export-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
psql -X -lqt | cut -d'|' -f1 | grep -qw "$DB" || createdb "$DB"

SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:5432/$DB SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD= \
SMARTKETING_ADMIN_EMAIL=$ADMIN_EMAIL SMARTKETING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
    --smartketing.api.rate-limit.per-token=100000000 --logging.file.name="$OUT/app.json" >"$OUT/app.out" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.out"; exit 1; }
    sleep 1
done

if [[ "$(psql_db -At -c 'SELECT count(*) FROM lead')" == 0 ]]; then
    log "loading $LEADS leads"
    psql_db -v leads="$LEADS" -v activities=0 -f bench/load.sql >"$OUT/load.txt"
    psql_db -c "VACUUM ANALYZE"
fi
# the scoring job would score every loaded lead again beside the download: called off
psql_db -c "DO \$\$ BEGIN IF to_regclass('scoring_rescore') IS NOT NULL THEN
    UPDATE scoring_rescore SET requested_at = NULL, after_lead = NULL; END IF; END \$\$"
record "data: $(psql_db -At -c "SELECT count(*) || ' leads' FROM lead"); heap -Xmx$HEAP"

TOKEN=$(curl -fs -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"export bench","scope":"read"}' "$BASE/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
[[ "$TOKEN" == smk_* ]] || { echo "no token: $TOKEN"; exit 1; }

jstat -gc "$APP_PID" 200 >"$OUT/jstat.txt" &
JSTAT_PID=$!
log "exporting"
start=$(date +%s.%N)
curl -fs -H "Authorization: Bearer $TOKEN" -H 'Accept: text/csv' "$BASE/api/v1/leads" -o "$OUT/leads.csv"
seconds=$(echo "$(date +%s.%N) - $start" | bc)
kill "$JSTAT_PID"
rows=$(( $(wc -l <"$OUT/leads.csv") - 1 ))
# used heap = survivor + eden + old (KB), the columns S0U S1U EU OU of jstat -gc
peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%d", max / 1024 }' "$OUT/jstat.txt")
record "RESULT export rows=$rows bytes=$(stat -c %s "$OUT/leads.csv") seconds=$seconds rows_per_s=$(echo "$rows / $seconds" | bc) heap_peak_mb=$peak heap_max=$HEAP"
head -c 600 "$OUT/leads.csv" >"$OUT/head.txt"
