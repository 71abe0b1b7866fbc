#!/usr/bin/env bash
# Importing a generated lead file (ROWS rows, DUPLICATES of them repeating an earlier row's email in
# another letter case) through POST /api/v1/imports into a JVM held to -Xmx512m, against a plain SQL
# pipeline on the same file in the same run: psql \copy into a staging table, then one
# INSERT … SELECT DISTINCT ON (lower(email)) … ON CONFLICT DO NOTHING into a table shaped like the
# lead's main columns. Prints both times, the ratio, and the heap's peak (jstat -gc every 200 ms).
# Each run makes a fresh database.
#   ROWS=100000 bench/import.sh
#   ROWS=1000000 JAR=target/smartketing-0.1.0-SNAPSHOT.jar SKIP_BUILD=1 bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ROWS=${ROWS:-1000000}
DUPLICATES=${DUPLICATES:-0.05}
DB=${DB:-sk_bench_import}
HEAP=${HEAP:-512m}
PORT=${PORT:-18082}
TIMEOUT=${TIMEOUT:-7200}
# This machine's PostgreSQL runs with autovacuum off: a fresh database's statistics would stay those
# of its empty tables for the whole import, and the statements the app prepared on them keep their
# generic plans (sequential scans of lead for every look-up: the import slowed from 330 to 40 rows/s
# within 28,000 rows). ANALYZE every ANALYZE_EVERY seconds does what autovacuum's analyze would; 0: never.
ANALYZE_EVERY=${ANALYZE_EVERY:-30}
ADMIN_EMAIL=bench.admin@bench.example.com
ADMIN_PASSWORD=bench-password-123
BASE=http://127.0.0.1:$PORT
OUT=target/bench/import-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
now() { date +%s.%N; }

[[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -B -ntp -q -DskipTests package
JAR=${JAR:-$(ls target/smartketing-*.jar | grep -v plain | head -1)}

FILE=$OUT/leads.csv
log "writing $ROWS rows ($DUPLICATES case-variant duplicates) to $FILE"
python3 bench/import-file.py "$ROWS" "$DUPLICATES" >"$FILE"
distinct=$(tail -n +2 "$FILE" | cut -d, -f1 | tr '[:upper:]' '[:lower:]' | sort -u | wc -l)
record "file: $ROWS rows, $distinct distinct emails (case aside), $(stat -c %s "$FILE") bytes; jar $(basename "$JAR"), heap -Xmx$HEAP; load $(cut -d' ' -f1-3 /proc/loadavg)"

psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

# the baseline, before the app exists in this database (its own tables, nothing else running)
log "baseline: COPY + INSERT … SELECT DISTINCT ON … ON CONFLICT"
# in a schema of its own: Flyway wants public empty
psql_db <<'SQL'
CREATE SCHEMA baseline;
CREATE TABLE baseline.lead (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email VARCHAR(254), email_key VARCHAR(254) NOT NULL UNIQUE,
    first_name VARCHAR(80), last_name VARCHAR(80), company VARCHAR(120), title VARCHAR(120),
    phone VARCHAR(40), country CHAR(2), stage VARCHAR(20) NOT NULL, score INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL);
SQL
start=$(now)
psql_db >"$OUT/baseline.txt" <<SQL
CREATE UNLOGGED TABLE baseline.staging (email TEXT, first_name TEXT, last_name TEXT, company TEXT, title TEXT,
    phone TEXT, country TEXT);
\copy baseline.staging FROM '$FILE' WITH (FORMAT csv, HEADER true)
INSERT INTO baseline.lead (email, email_key, first_name, last_name, company, title, phone, country, stage, score, created_at)
SELECT DISTINCT ON (lower(email)) email, lower(email), first_name, last_name, company, title, phone, country,
       'NEW', 0, now()
  FROM baseline.staging ORDER BY lower(email)
    ON CONFLICT (email_key) DO NOTHING;
SQL
baseline=$(echo "$(now) - $start" | bc)
baseline_rows=$(psql_db -At -c "SELECT count(*) FROM baseline.lead")
record "RESULT baseline rows=$ROWS leads=$baseline_rows seconds=$baseline"

SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:5432/$DB SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD= \
SMARTKETING_ADMIN_EMAIL=$ADMIN_EMAIL SMARTKETING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
    --smartketing.api.rate-limit.per-token=100000000 --logging.file.name="$OUT/app.json" >"$OUT/app.out" 2>&1 &
APP_PID=$!
JSTAT_PID=
ANALYZE_PID=
stop() {
    [[ -n "$JSTAT_PID" ]] && kill "$JSTAT_PID" 2>/dev/null
    [[ -n "$ANALYZE_PID" ]] && kill "$ANALYZE_PID" 2>/dev/null
    kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 900); do
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.out"; exit 1; }
    sleep 1
done
TOKEN=$(curl -fs -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"import bench","scope":"read-write"}' "$BASE/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
[[ "$TOKEN" == smk_* ]] || { echo "no token: $TOKEN"; exit 1; }
auth=(-H "Authorization: Bearer $TOKEN")

jstat -gc "$APP_PID" 200 >"$OUT/jstat.txt" &
JSTAT_PID=$!
if (( ANALYZE_EVERY > 0 )); then
    (while sleep "$ANALYZE_EVERY"; do psql_db -c ANALYZE; done) >"$OUT/analyze.txt" 2>&1 &
    ANALYZE_PID=$!
fi
log "importing through the API"
start=$(now)
curl -fs "${auth[@]}" -F "file=@$FILE;type=text/csv" "$BASE/api/v1/imports" >"$OUT/upload.json"
ID=$(sed -E 's/^\{"id":"([^"]+)".*/\1/' "$OUT/upload.json")
uploaded=$(echo "$(now) - $start" | bc)
curl -fs "${auth[@]}" -X POST "$BASE/api/v1/imports/$ID/start" >"$OUT/start.json"
state=RUNNING
deadline=$(( $(date +%s) + TIMEOUT ))
while [[ "$state" != DONE && "$state" != FAILED && "$state" != CANCELLED ]]; do
    (( $(date +%s) < deadline )) || { log "gave up after ${TIMEOUT}s"; break; }
    sleep 0.5
    curl -fs "${auth[@]}" "$BASE/api/v1/imports/$ID" >"$OUT/status.json" || continue
    state=$(sed -E 's/.*"state":"([A-Z]+)".*/\1/' "$OUT/status.json")
    echo "$(date -u +%T) $(grep -oE '"processed":[0-9]+' "$OUT/status.json")" >>"$OUT/progress.txt"
done
app=$(echo "$(now) - $start" | bc)
kill "$JSTAT_PID"; JSTAT_PID=
[[ -n "$ANALYZE_PID" ]] && kill "$ANALYZE_PID"; ANALYZE_PID=
counts=$(grep -oE '"(processed|created|updated|merged|skipped|failed)":[0-9]+' "$OUT/status.json" | tr '\n' ' ')
leads=$(psql_db -At -c "SELECT count(*) FROM lead WHERE deleted_at IS NULL AND merged_into IS NULL")
# used heap = survivor + eden + old (KB), the columns S0U S1U EU OU of jstat -gc; old alone after it
read -r peak old_peak old_last <<<"$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used; if ($8 > oldmax) oldmax = $8; old = $8 }
    END { printf "%d %d %d", max / 1024, oldmax / 1024, old / 1024 }' "$OUT/jstat.txt")"
record "RESULT import state=$state $counts leads=$leads seconds=$app upload_seconds=$uploaded rows_per_s=$(echo "$ROWS / $app" | bc) heap_peak_mb=$peak old_peak_mb=$old_peak old_end_mb=$old_last heap_max=$HEAP samples=$(( $(wc -l <"$OUT/jstat.txt") - 1 ))"
record "RESULT lead seq_scans=$(psql_db -At -c "SELECT seq_scan || ' idx_scans=' || idx_scan FROM pg_stat_user_tables WHERE relid = 'public.lead'::regclass")"
record "RESULT ratio import/baseline=$(echo "scale=2; $app / $baseline" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$FILE"
