#!/usr/bin/env bash
# Starts the hub from an extracted jar with a JDK 25 ahead-of-time class cache: about 40% faster starts.
# The first call extracts the jar and records the cache in a training start that exits once the
# application context is up; later calls reuse both until the jar changes.
# Usage: scripts/fast-start.sh [hub options, e.g. --server.port=8081]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/crosstrace.jar
dir=app/target/fast-start
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f "$jar" ] || { echo "Build first: ./mvnw -DskipTests package" >&2; exit 1; }
if [ ! -f "$dir/app.aot" ] || [ "$jar" -nt "$dir/app.aot" ]; then
  rm -rf "$dir"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
  # Training start: no demo world, throw-away data, exits right after the context is refreshed.
  training_data=$(mktemp -d)
  "$java" -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh -jar "$dir/crosstrace.jar" \
    --crosstrace.data-dir="$training_data" --crosstrace.seed=false --server.port=0
  rm -rf "$training_data"
fi
exec "$java" -XX:AOTCache="$dir/app.aot" -jar "$dir/crosstrace.jar" "$@"
