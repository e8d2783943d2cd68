#!/usr/bin/env bash
# Soak run: mixed scans, partner GraphQL pages, port verifications and EPCIS captures against a hub on loopback for a
# bounded time (default 10 minutes), reporting errors, heap after GC and resident memory each minute.
#   scripts/soak.sh [minutes] ; env CODES (default 1000000), DATA (default ./data-bench), USERS (default 8),
#   PAGE_CACHE (default 2g; give the store's size, e.g. 9g for the 10-million-code world)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
jar=bench/target/crosstrace-bench.jar
# The JDK 25 of JAVA_HOME when set: the machine's default java may be older.
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ ! -f "$jar" ]; then
  ./mvnw -q -DskipTests package
fi
# The bound: the run itself, plus time to start the hub and load the world once.
exec timeout "$(( minutes * 60 + 1800 ))s" "$java" -Xmx4g -jar "$jar" --codes "${CODES:-1000000}" --data "${DATA:-./data-bench}" \
  --users "${USERS:-8}" --page-cache "${PAGE_CACHE:-2g}" --only soak --soak-minutes "$minutes"
