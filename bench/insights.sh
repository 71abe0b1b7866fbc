#!/usr/bin/env bash
# The insights tiles' API and dashboard at 1M leads, on a database bench/run.sh loaded (LEADS=1000000
# ACTIVITIES=10000000): first how fast the rollups' rebuild from the funnel's faces goes (REBUILD_FOR
# seconds of it, on the loaded data), then the rollups filled at the target size by
# bench/insights-rollups.sql (1M leads, 3M stage changes over a year) and every tile's API, the score
# and the dashboard page measured with wrk beside a trivial GET.
#   DB=sk_bench_insights JAR=target/smartketing-0.1.0-SNAPSHOT.jar bench/insights.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIR="$PWD/bench" PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB=${DB:-sk_bench_insights}
JAR=${JAR:-$(ls target/smartketing-*.jar | grep -v plain | head -1)}
PORT=${PORT:-18080}
DURATION=${DURATION:-20}
REBUILD_FOR=${REBUILD_FOR:-120}
ADMIN_EMAIL=bench.admin@bench.example.com
ADMIN_PASSWORD=bench-password-123
BASE=http://127.0.0.1:$PORT
OUT=target/bench/insights-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
record() { echo "$*" | tee -a "$SUMMARY"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
APP_PID=
start_app() {
    SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:5432/$DB SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD= \
    SPRING_FLYWAY_OUT_OF_ORDER=true SMARTKETING_ADMIN_EMAIL=$ADMIN_EMAIL SMARTKETING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        java -Xmx1g -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
        --smartketing.api.rate-limit.per-token=100000000 --logging.file.name="$OUT/app-$1.json" >"$OUT/app-$1.out" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 900); do
        curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && return 0
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app-$1.out"; exit 1; }
        sleep 1
    done
}
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
trap stop_app EXIT

log "(1) the rebuild from the funnel's faces on the loaded data, for $REBUILD_FOR s"
psql_db -c "DO \$\$ BEGIN IF to_regclass('insight_rebuild') IS NOT NULL THEN DELETE FROM insight_rebuild; END IF; END \$\$"
start_app rebuild
start=$(date +%s)
sleep "$REBUILD_FOR"
record "rebuild: $(psql_db -At -c "SELECT COALESCE(sum(rows_taken), 0) || ' rows taken in $(( $(date +%s) - start )) s ('
    || string_agg(name || CASE WHEN finished_at IS NULL THEN ' going' ELSE ' done' END, ', ') || ') of '
    || (SELECT count(*) FROM lead_stage_event) || ' stage events' FROM insight_rebuild")"
stop_app

log "(2) the rollups at the target size (bench/insights-rollups.sql), the rebuild marked done"
psql_db -c "TRUNCATE insight_stage_change, insight_stage_count, insight_stage_day, insight_stage_stay, insight_stage_lead"
psql_db -f bench/insights-rollups.sql >"$OUT/rollups.txt" 2>&1
psql_db -c "DELETE FROM insight_rebuild" -c "INSERT INTO insight_rebuild (name, next_cursor, started_at, finished_at, rows_taken)
    SELECT n, NULL, now(), now(), 0 FROM unnest(ARRAY['stage-changes', 'stage-counts', 'handoffs', 'stage-stays']) n" \
    -c "VACUUM ANALYZE"
record "rollups: $(psql_db -At -c "SELECT (SELECT count(*) FROM insight_stage_change) || ' stage changes, '
    || (SELECT count(*) FROM insight_stage_count) || ' hour counts, ' || (SELECT count(*) FROM insight_stage_day)
    || ' day counts, ' || (SELECT count(*) FROM insight_stage_stay) || ' stays'")"
start_app tiles
TOKEN=$(curl -fs -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"insights bench","scope":"read-write"}' "$BASE/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
JAR_COOKIES=$OUT/cookies.txt
CSRF=$(curl -fs -c "$JAR_COOKIES" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
COOKIE=$(awk '$6 == "SESSION" { print $6 "=" $7 }' "$JAR_COOKIES" | tail -1)
FILTER="from=$(date -u -d '-90 days' +%F)&to=$(date -u +%F)"
for i in 1 2; do  # the first round warms the JIT; only the second is recorded
    for what in baseline funnel sla rejections closed-loop follow-through goals cross-training responsiveness score page; do
        case $what in
            baseline) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/teams") ;;
            score) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/insights/score?$FILTER") ;;
            page) args=(-H "Cookie: $COOKIE" "$BASE/insights?$FILTER") ;;
            *) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/insights/$what?$FILTER") ;;
        esac
        if (( i == 1 )); then
            BENCH_LABEL=warm-$what wrk -t 1 -c 1 -d 8s --timeout 60s -s bench/get.lua "${args[@]}" >/dev/null 2>&1 || true
        else
            BENCH_LABEL=insights-$what wrk -t 1 -c 2 -d "${DURATION}s" --timeout 60s --latency -s bench/get.lua "${args[@]}" \
                >"$OUT/$what.txt" 2>&1 || true
            record "$(grep '^RESULT' "$OUT/$what.txt" || echo "RESULT insights-$what failed: $(tail -2 "$OUT/$what.txt")")"
        fi
    done
done
log "done: $SUMMARY"
