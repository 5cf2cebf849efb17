#!/usr/bin/env bash
# Event-storm benchmark (issue 18, README "Performance", docs/adr/0033). One command:
#   benchmarks/storm/storm.sh
# Starts a sandbox in its own process seeded so the default user sees ~10,000 runs, then the real app (the
# composition root, its EventStream, sync and views) in a real window under Xvfb — GTK Glass and Prism, not
# Monocle — signed in to it; once the list holds the runs it notes heap and RSS, then the sandbox sends 1,000 run
# updates/s for 60 s (the runs list on screen for the first 30 s, then the probe opens the top run with Enter).
# Prints: pulses (JavaFX's own pulse logger) per half, sent → on-screen latency p50/p99/max, changes never shown,
# heap and RSS with the runs loaded and at the end. Output also in target/bench/storm/report.md.
# Knobs: STORM_RATE (1000), STORM_SECONDS (60), STORM_INCREMENTAL=true (deltas instead of whole runs),
# STORM_ENDED (11600 ended runs; ~5 in 6 are visible), STORM_JFR=1 (a JFR recording of the app in the same folder),
# STORM_APP_OPTS (more JVM options for the app, e.g. "-Xmx768m").
set -eu
cd "$(dirname "$0")/../.."
jdk=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=target/bench/storm
rm -rf "$out"; mkdir -p "$out"
./mvnw -o -B -q -Pbench test-compile
./mvnw -o -B -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"
home=$(mktemp -d)
trap 'kill ${driver:-} 2>/dev/null || true; rm -rf "$home"' EXIT

"$jdk/bin/java" -Xmx3g -Dstorm.dir="$out" -Dstorm.rate="${STORM_RATE:-1000}" -Dstorm.seconds="${STORM_SECONDS:-60}" \
  -Dstorm.ended="${STORM_ENDED:-11600}" -Dstorm.incremental="${STORM_INCREMENTAL:-false}" \
  -cp "$cp" com.incidentconsole.storm.StormDriver & driver=$!
for _ in $(seq 3000); do [ -s "$out/server.properties" ] && break; sleep 0.2; done
url=$(sed -n 's/^url=//p' "$out/server.properties")
token=$(sed -n 's/^token=//p' "$out/server.properties")

jfr=()
[ -n "${STORM_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$out/app.jfr,settings=profile")
display=()
[ -z "${DISPLAY:-}" ] && display=(xvfb-run -a -s "-screen 0 1440x900x24")
# The app as the package starts it (default heap and GC), plus the pulse logger and its own data folder.
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" INCIDENT_CONSOLE_TOKEN="$token" \
  "${display[@]}" "$jdk/bin/java" --enable-native-access=ALL-UNNAMED "${jfr[@]}" ${STORM_APP_OPTS:-} -Duser.home="$home" \
  -Dincident.console.credentials=file -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=16 \
  -Dprism.verbose=true -Dstorm.dir="$out" -Dstorm.detailAfterSeconds=$(( ${STORM_SECONDS:-60} / 2 )) -cp "$cp" com.incidentconsole.storm.StormApp --server "$url" \
  > "$out/app.out" 2> "$out/app.err" || echo "app exited with $?"
wait $driver
grep -m2 -E "Prism pipeline|Using .* pipeline|pipeline name" "$out/app.err" "$out/app.out" || true
