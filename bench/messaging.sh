#!/usr/bin/env bash
# Messaging benchmark on PostgreSQL: see docs/performance.md ("Messages").
#
#   bench/messaging.sh                          1,000 people, 100,000 messages, 10,000 pending jobs, polling 1s
#   MESSAGES=20000 POLLING=10s bench/messaging.sh
#
# Knobs: PEOPLE MESSAGES PENDING POLLING DB (smartketing_bench) PGHOST PGUSER.
# Runs in the schema comms_bench of $DB (dropped first). Output: stdout and target/bench/messaging-<epoch>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-smartketing_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || psql -d postgres -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER
./mvnw -o -q test -Dtest=MessagingBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.people="${PEOPLE:-1000}" -Dbench.messages="${MESSAGES:-100000}" -Dbench.pending="${PENDING:-10000}" \
  -Dbench.polling="${POLLING:-1s}" -DargLine="-Dbench.people=${PEOPLE:-1000} -Dbench.messages=${MESSAGES:-100000} -Dbench.pending=${PENDING:-10000} -Dbench.polling=${POLLING:-1s}"
cat "$(ls -t target/bench/messaging-*.txt | head -1)"
