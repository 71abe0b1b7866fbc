#!/usr/bin/env bash
# Smartketing benchmark on PostgreSQL: see docs/performance.md.
#
#   bench/run.sh                      build, fresh database, load 1M leads / 5M activities, run everything
#   SKIP_LOAD=1 bench/run.sh          reuse the loaded database (a previous run's inserted leads stay)
#
# Knobs (environment): LEADS=1000000 ACTIVITIES=5000000 DURATION=25 CLIENTS="8 32" PORT=18080 WARMUP=60 WALK_FOR=180
#   DB=smartketing_bench PGHOST=127.0.0.1 PGUSER=postgres SKIP_BUILD=1 PARTS="post batch list score" (or "goals",
#   with GOALS=200: bench/goals.sql's goals over the loaded log, their list API and page beside a trivial GET)
#   API_RATE_LIMIT=100000000 (requests per token per minute: the bench's one token far outruns the default 600)
#   JAR=path/to/another/build.jar (say, an older commit's, to measure before and after on the same data)
#   (insights' tiles, score and dashboard: bench/insights.sh, on a database this script loaded)
# Output: target/bench/<time>/ (wrk and pgbench output, app log) and a summary on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
export BENCH_DIR="$PWD/bench"
LEADS=${LEADS:-1000000}
ACTIVITIES=${ACTIVITIES:-5000000}
DURATION=${DURATION:-25}
WARMUP=${WARMUP:-60}
WALK_FOR=${WALK_FOR:-180}
CLIENTS=${CLIENTS:-"8 32"}
PORT=${PORT:-18080}
DB=${DB:-smartketing_bench}
PARTS=${PARTS:-"post batch list score"}
QUERIES=${QUERIES:-"garcia stark zzqx"}
GOALS=${GOALS:-200}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN_EMAIL=bench.admin@bench.example.com
ADMIN_PASSWORD=bench-password-123
BASE=http://127.0.0.1:$PORT
OUT=target/bench/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt
export BENCH_RUN=r$(date +%s)

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
record() { echo "$*" | tee -a "$SUMMARY"; }

APP_PID=
stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app ($APP_PID)"
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
}
trap stop_app EXIT INT TERM

if [[ -z "${SKIP_BUILD:-}" ]]; then
    log "packaging"
    ./mvnw -q -DskipTests package
fi
JAR=${JAR:-$(ls target/smartketing-*.jar | grep -v plain | head -1)}

if [[ -z "${SKIP_LOAD:-}" ]]; then
    log "fresh database $DB"
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

log "starting $JAR on port $PORT"
SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$PGUSER \
SPRING_DATASOURCE_PASSWORD= SMARTKETING_ADMIN_EMAIL=$ADMIN_EMAIL SMARTKETING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
    --smartketing.api.rate-limit.per-token="${API_RATE_LIMIT:-100000000}" \
    --logging.level.org.smartketing.funnel.scoring=INFO --logging.file.name="$OUT/app.json" >"$OUT/app.out" 2>&1 &
APP_PID=$!
for i in $(seq 1 900); do  # the first start on a loaded database may build indexes
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.out"; exit 1; }
    sleep 1
done
curl -fs "$BASE/actuator/health/readiness" >/dev/null

if [[ -z "${SKIP_LOAD:-}" ]]; then
    log "loading $LEADS leads and $ACTIVITIES activities"
    start=$(date +%s)
    psql_db -v leads="$LEADS" -v activities="$ACTIVITIES" -f bench/load.sql >"$OUT/load.txt"
    psql_db -c "VACUUM ANALYZE"  # what autovacuum would do after a bulk load (it may be off, as on CI servers)
    record "load: $LEADS leads, $ACTIVITIES activities in $(( $(date +%s) - start )) s"
fi
has_scoring_job=$(psql_db -At -c "SELECT to_regclass('scoring_rescore') IS NOT NULL")
if [[ "$has_scoring_job" == t && "$(psql_db -At -c 'SELECT requested_at IS NOT NULL FROM scoring_rescore')" == t ]]; then
    # After the load the scoring job scores every lead again (as after a rule change), in batches
    # in id order. Its speed is measured for up to $WALK_FOR s; then it is called off, so that it
    # does not run beside the figures below (the leads it did not reach keep the load's scores).
    log "the scoring job scores every lead again: measured for up to $WALK_FOR s"
    walked() { psql_db -At -c "SELECT COALESCE(('x' || substr(replace(after_lead::text, '-', ''), 1, 8))::bit(32)::bigint, 0)
        * (SELECT count(*) FROM lead) / 4294967296 FROM scoring_rescore"; }
    until [[ "$(psql_db -At -c 'SELECT after_lead IS NOT NULL OR requested_at IS NULL FROM scoring_rescore')" == t ]]; do sleep 1; done
    start=$(date +%s); first=$(walked)
    while (( $(date +%s) - start < WALK_FOR )) && [[ "$(psql_db -At -c 'SELECT requested_at IS NOT NULL FROM scoring_rescore')" == t ]]; do
        sleep 5
    done
    secs=$(( $(date +%s) - start )); done_now=$(walked)
    psql_db -c "UPDATE scoring_rescore SET requested_at = NULL, after_lead = NULL"
    record "RESULT rescore-all leads=$(( done_now - first )) seconds=$secs leads_per_s=$(( (done_now - first) / (secs > 0 ? secs : 1) )) mqls_made=$(psql_db -At -c \
        "SELECT count(*) FROM lead_stage_event WHERE to_stage = 'MQL' AND actor_label = 'system'") load=$(cut -d' ' -f1 /proc/loadavg)"
fi
if [[ "$has_scoring_job" == t ]]; then
    record "scores due: $(psql_db -At -c "SELECT count(*) FILTER (WHERE score_due_at <= now() + interval '1 hour') || ' within an hour, '
        || count(*) FILTER (WHERE score_due_at <= now() + interval '1 day') || ' within a day, '
        || count(*) FILTER (WHERE score_due_at IS NULL) || ' settled, of ' || count(*) FROM lead")"
fi
record "data: $(psql_db -At -c "SELECT (SELECT count(*) FROM lead) || ' leads, ' || (SELECT count(*) FROM activity)
    || ' activities, ' || (SELECT count(*) FROM lead_touch) || ' touches, ' || (SELECT count(*) FROM lead_stage_event)
    || ' stage events; database ' || pg_size_pretty(pg_database_size(current_database()))")"

log "API token and page session"
TOKEN=$(curl -fs -u "$ADMIN_EMAIL:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"bench '"$BENCH_RUN"'","scope":"read-write"}' "$BASE/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
[[ "$TOKEN" == smk_* ]] || { echo "no token: $TOKEN"; exit 1; }
export BENCH_TOKEN=$TOKEN
JAR_COOKIES=$OUT/cookies.txt
CSRF=$(curl -fs -c "$JAR_COOKIES" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
COOKIE=$(awk '$6 == "JSESSIONID" || $6 == "SESSION" { print $6 "=" $7 }' "$JAR_COOKIES" | tail -1)
curl -fs -o /dev/null -H "Cookie: $COOKIE" "$BASE/leads" || { echo "page sign-in failed"; exit 1; }

# CPU seconds used so far by the app and by all PostgreSQL processes (clock ticks / CLK_TCK; the
# postmaster's children fields hold what ended backends used): divided by the requests of a run they
# say what one request costs, whatever else the machine is doing meanwhile.
TICK=$(getconf CLK_TCK)
cpu_app() { awk -v t="$TICK" '{ print ($14 + $15) / t }' /proc/"$APP_PID"/stat; }
cpu_pg() { for p in $(pgrep -u postgres postgres); do awk '{ print $14 + $15 + $16 + $17 }' /proc/"$p"/stat 2>/dev/null || true; done \
    | awk -v t="$TICK" '{ s += $1 } END { print s / t }'; }

wrk_run() { # label, then wrk arguments
    local label=$1; shift
    local a0 p0 a1 p1 n
    a0=$(cpu_app); p0=$(cpu_pg)
    BENCH_LABEL=$label wrk --timeout 30s "$@" >"$OUT/$label.txt" 2>&1 || true
    a1=$(cpu_app); p1=$(cpu_pg)
    n=$(sed -nE 's/^RESULT .* items=([0-9.]+).* requests=([0-9]+).*/\2/p' "$OUT/$label.txt")
    local per=1
    [[ "$label" == batch-* ]] && per=${BENCH_BATCH:-1000}
    grep '^RESULT' "$OUT/$label.txt" | sed -E "s/\$/ $(awk -v a="$a1" -v b="$a0" -v c="$p1" -v d="$p0" -v n="${n:-0}" -v k="$per" \
        'BEGIN { if (n > 0) printf "cpu_app_ms=%.2f cpu_pg_ms=%.2f", 1000 * (a - b) / (n * k), 1000 * (c - d) / (n * k) }') load=$(cut -d' ' -f1 /proc/loadavg)/" \
        | tee -a "$SUMMARY"
}

pgbench_run() { # clients
    local c=$1 dir=$OUT/pgbench-$1
    mkdir -p "$dir"
    local p0 p1
    p0=$(cpu_pg)
    (cd "$dir" && pgbench -n -c "$c" -j 2 -T "$DURATION" -l -f "$BENCH_DIR/insert_lead.pgbench" "$DB" >out.txt 2>&1)
    p1=$(cpu_pg)
    local tps p n
    tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$dir/out.txt" | head -1)
    n=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$dir/out.txt" | head -1)
    # Per-transaction log: column 3 is the latency in microseconds.
    p=$(cat "$dir"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END {
        printf "p50=%.1f p95=%.1f p99=%.1f", a[int(NR * .50)] / 1000, a[int(NR * .95)] / 1000, a[int(NR * .99)] / 1000 }')
    rm -f "$dir"/pgbench_log.*
    record "RESULT pgbench-insert-c$c tps=$tps $p $(awk -v c="$p1" -v d="$p0" -v n="${n:-0}" \
        'BEGIN { if (n > 0) printf "cpu_pg_ms=%.2f", 1000 * (c - d) / n }') load=$(cut -d' ' -f1 /proc/loadavg)"
}

if [[ " $PARTS " == *" post "* ]]; then
    log "scratch table bench_lead_insert (LIKE lead INCLUDING ALL), filled with a copy of the leads"
    psql_db -c "DROP TABLE IF EXISTS bench_lead_insert" -c "CREATE TABLE bench_lead_insert (LIKE lead INCLUDING ALL)" \
        -c "INSERT INTO bench_lead_insert SELECT * FROM lead" -c "VACUUM ANALYZE bench_lead_insert"
    # The JIT compiles the request path for minutes; measure the app warm, as it runs in production.
    log "warm-up: $WARMUP s of single POSTs"
    BENCH_LABEL=warmup wrk -t 2 -c 8 -d "${WARMUP}s" --timeout 30s -s bench/post_lead.lua "$BASE/api/v1/leads" >"$OUT/warmup.txt" 2>&1
    for c in $CLIENTS; do
        log "(a) POST /api/v1/leads, $c connections, $DURATION s"
        wrk_run "post-c$c" -t 2 -c "$c" -d "${DURATION}s" --latency -s bench/post_lead.lua "$BASE/api/v1/leads"
        log "(a) pgbench one-row INSERT, $c clients, $DURATION s"
        pgbench_run "$c"
    done
fi

if [[ " $PARTS " == *" batch "* ]]; then
    log "(b) POST /api/v1/leads/batch, 1000 leads a request, 2 connections, $DURATION s"
    BENCH_BATCH=1000 wrk_run "batch-1000-c2" -t 2 -c 2 -d "$(( DURATION > 30 ? DURATION : 30 ))s" --latency -s bench/post_batch.lua \
        "$BASE/api/v1/leads/batch"
fi

if [[ " $PARTS " == *" list "* ]]; then
    for q in $QUERIES; do
        log "(c) list API and page, stage=MQL&q=$q, 8 connections, 20 s each"
        wrk_run "api-list-MQL-$q" -t 2 -c 8 -d 20s --latency -s bench/get.lua \
            -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/leads?stage=MQL&q=$q"
        wrk_run "page-list-MQL-$q" -t 2 -c 8 -d 20s --latency -s bench/get.lua \
            -H "Cookie: $COOKIE" "$BASE/leads?stage=MQL&q=$q"
    done
fi

if [[ " $PARTS " == *" score "* ]]; then
    log "(d) list API by score, 8 connections, 20 s each"
    wrk_run "api-list-score" -t 2 -c 8 -d 20s --latency -s bench/get.lua \
        -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/leads?sort=score"
    wrk_run "api-list-score-MQL" -t 2 -c 8 -d 20s --latency -s bench/get.lua \
        -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/leads?sort=score&stage=MQL"
fi

if [[ " $PARTS " == *" goals "* ]]; then
    log "(e) goals: $GOALS goals x 10 activities over the activity log, then the goals list API and page"
    psql_db -v goals="$GOALS" -f bench/goals.sql >"$OUT/goals-load.txt"
    record "goals data: $(psql_db -At -c "SELECT (SELECT count(*) FROM goal) || ' goals, ' || (SELECT count(*) FROM goal_activity)
        || ' planned activities, ' || (SELECT count(*) FROM activity) || ' activities, ' || (SELECT count(*) FROM activity_count)
        || ' rollup rows'")"
    # A trivial signed-in GET measured beside them, so a busy machine shows in the baseline too.
    for i in 1 2; do  # the first round warms the JIT; only the second is recorded
        for what in baseline api page api-one page-one; do
            case $what in
                baseline) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/teams") ;;
                api) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/goals") ;;
                page) args=(-H "Cookie: $COOKIE" "$BASE/goals") ;;
                # One goal with its 10 activities counted from the log (owners and team totals), its chart and tables.
                api-one) args=(-H "Authorization: Bearer $TOKEN" "$BASE/api/v1/goals/$(psql_db -At -c "SELECT md5('goal1')::uuid")") ;;
                page-one) args=(-H "Cookie: $COOKIE" "$BASE/goals/$(psql_db -At -c "SELECT md5('goal1')::uuid")") ;;
            esac
            if (( i == 1 )); then
                BENCH_LABEL=warm-$what wrk -t 2 -c 4 -d 10s --timeout 30s -s bench/get.lua "${args[@]}" >/dev/null 2>&1 || true
            else
                wrk_run "goals-$what" -t 2 -c 4 -d "${DURATION}s" --latency -s bench/get.lua "${args[@]}"
            fi
        done
    done
fi

record "leads now: $(psql_db -At -c 'SELECT count(*) FROM lead')"
log "done: $SUMMARY"
