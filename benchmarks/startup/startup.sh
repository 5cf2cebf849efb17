#!/usr/bin/env bash
# Startup benchmark (issue 18, README "Performance", docs/adr/0030). On the packaged app's own runtime, in one run:
#   (a) a bare JavaFX window's first frame          (b) the console's first frame
#   (c) the runs list interactive with 1,000 runs from the local cache, server unreachable
#   (d) the same from a live sandbox
# each with the AOT cache (JDK 25 -XX:AOTCache; for the console the one shipped in the image) and without it
# (plain CDS: the jlink default archive). Times are "N ms after JVM start" as the programs log them.
# Usage: ./mvnw -B -Pdist package && benchmarks/startup/startup.sh        (REPS=5 by default)
#    or: ./mvnw -B package -DskipTests && benchmarks/startup/startup.sh --jar
#        (issue 18, docs/adr/0035: the shaded jar on the JDK, no image needed; its AOT cache is trained here the way
#        packaging/build.sh trains the image's: one start on the embedded sandbox with exitAfter=runsList)
# Needs a display or xvfb-run. Output: the table on stdout and in target/bench/startup.md.
set -u
reps=${REPS:-5}
jdk=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
mode=image; [ "${1:-}" = --jar ] && mode=jar
image="target/dist/Incident Console"
jar=${JAR:-target/incident-console.jar} # JAR=another build's jar compares two builds on this one machine
if [ $mode = image ]; then
  [ -x "$image/bin/Incident Console" ] || { echo "build the image first: ./mvnw -B -Pdist package (or use --jar)"; exit 1; }
  [ -s "$image/lib/app/incident-console.aot" ] || echo "note: the image has no AOT cache; both console rows are plain CDS"
else
  [ -s "$jar" ] || { echo "build the jar first: ./mvnw -B package -DskipTests"; exit 1; }
fi
work=$(mktemp -d)
trap 'kill $sandbox 2>/dev/null; rm -rf "$work"' EXIT
run=()
[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && run=(xvfb-run -a -s "-screen 0 1440x900x24")
mkdir -p target/bench

if [ $mode = image ]; then
# Without AOT: the same image, hard-linked, with the two AOT lines taken out of its launcher configuration.
cp -al "$image" "$work/noaot"
for cfg in "$work/noaot/lib/app/"*.cfg; do grep -v -e '-XX:AOTCache' -e '-Xlog:aot=off' "$cfg" > "$cfg.new"; rm "$cfg"; mv "$cfg.new" "$cfg"; done

# (a) the bare window, compiled against the same JavaFX, run on the image's runtime.
fxjars=$(ls target/dist-work/lib/javafx-*-*-*.jar | tr '\n' :)
"$jdk/bin/javac" -d "$work/bare" --module-path "$fxjars" --add-modules javafx.controls benchmarks/startup/BareWindow.java
"$jdk/bin/jar" cf "$work/bare.jar" -C "$work/bare" . # a jar: an AOT cache refuses a class directory on the class path
rtjava="$image/lib/runtime/bin/java"
bare=("$rtjava" --enable-native-access=javafx.graphics -cp "$work/bare.jar" BareWindow)
"${run[@]}" "$rtjava" -XX:AOTCacheOutput="$work/bare.aot" --enable-native-access=javafx.graphics -cp "$work/bare.jar" BareWindow \
  >/dev/null 2>&1 || true
bare_aot=("$rtjava" -XX:AOTCache="$work/bare.aot" --enable-native-access=javafx.graphics -cp "$work/bare.jar" BareWindow)
cds_app="$work/noaot"; aot_app="$image"; headless=("$image/bin/incident-console")
else
# startup (issue 18): the jar on the JDK. (a) runs on the same class path (the jar's JavaFX, unnamed module) and
# JDK; "AOT" is a cache trained here for each program, "CDS" the JDK's default archive.
rtjava="$jdk/bin/java"
"$jdk/bin/javac" -d "$work/bare" -cp "$jar" benchmarks/startup/BareWindow.java
"$jdk/bin/jar" cf "$work/bare.jar" -C "$work/bare" . # a jar: an AOT cache refuses a class directory on the class path
bare=("$rtjava" --enable-native-access=ALL-UNNAMED -cp "$work/bare.jar:$jar" BareWindowLauncher)
"${run[@]}" "$rtjava" -XX:AOTCacheOutput="$work/bare.aot" --enable-native-access=ALL-UNNAMED -cp "$work/bare.jar:$jar" \
  BareWindowLauncher >/dev/null 2>&1 || true
bare_aot=("$rtjava" -XX:AOTCache="$work/bare.aot" -Xlog:aot=off --enable-native-access=ALL-UNNAMED -cp "$work/bare.jar:$jar" BareWindowLauncher)
# The console's cache, trained as packaging/build.sh trains the image's: the embedded sandbox, exit once interactive.
mkdir -p "$work/train"
HOME="$work/train" JAVA_TOOL_OPTIONS="-Duser.home=$work/train -Dincident.console.home=$work/train/data -Dincident.console.credentials=file -Dincident.console.exitAfter=runsList" \
  timeout 300 "${run[@]}" "$rtjava" -XX:AOTCacheOutput="$work/console.aot" --enable-native-access=ALL-UNNAMED -jar "$jar" \
  >"$work/aot-training.log" 2>&1 || true
[ -s "$work/console.aot" ] || echo "note: the console's AOT cache was not trained (see the log); its AOT rows are plain CDS"
for m in cds aot; do
  mkdir -p "$work/$m/bin"
  opts=(--enable-native-access=ALL-UNNAMED); [ $m = aot ] && [ -s "$work/console.aot" ] && opts+=(-XX:AOTCache="$work/console.aot" -Xlog:aot=off)
  printf '#!/usr/bin/env bash\nexec %q %s -jar %q "$@"\n' "$rtjava" "$(printf '%q ' "${opts[@]}")" "$(realpath "$jar")" \
    > "$work/$m/bin/Incident Console"
  chmod +x "$work/$m/bin/Incident Console"
done
cds_app="$work/cds"; aot_app="$work/aot"; headless=("$rtjava" -jar "$jar")
fi

ms() { grep -o -E "$1 [0-9]+ ms" | grep -o -E '[0-9]+' | head -1; }
series() { # label pattern command...  → prints "label: t1 t2 ... (median m)"
  local label=$1 pattern=$2; shift 2
  local values=()
  for _ in $(seq "$reps"); do
    v=$(timeout 300 "${run[@]}" "$@" 2>&1 | ms "$pattern")
    values+=("${v:-NA}")
  done
  local sorted; sorted=$(printf '%s\n' "${values[@]}" | sort -n | tr '\n' ' ')
  local median; median=$(printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %s |\n' "$label" "$median" "$sorted"
  eval "med_$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_')=$median"
}

# console IMAGE HOME exitAfter expectRuns [args...]: one start of the packaged app with its own data folder.
cat > "$work/console" <<'SH'
#!/usr/bin/env bash
img=$1 home=$2 exit_after=$3 expect=$4; shift 4
exec env HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  JAVA_TOOL_OPTIONS="-Duser.home=$home -Dincident.console.credentials=file -Dincident.console.exitAfter=$exit_after -Dincident.console.expectRuns=$expect" \
  "$img/bin/Incident Console" "$@"
SH
chmod +x "$work/console"
console="$work/console"

# A sandbox on a fixed port whose visible runs are >= 1,000 (the user sees about 5 in 6 of the seeded runs), and a
# data folder whose cache holds them (filled by the first start).
port=$((20000 + RANDOM % 20000))
"${headless[@]}" sandbox --port "$port" --ongoing 400 --ended 1000 > "$work/sandbox.json" 2>"$work/sandbox.err" & sandbox=$!
for _ in $(seq 1200); do grep -q token "$work/sandbox.json" 2>/dev/null && break; sleep 0.1; done
token=$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' "$work/sandbox.json")
export INCIDENT_CONSOLE_TOKEN=$token
mkdir -p "$work/home"
server=(--server "http://127.0.0.1:$port")

{
echo "Startup ($mode), ms after JVM start ($reps starts each; median, then all sorted). $(date -u +%FT%TZ), $(nproc) cores, $("$rtjava" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measurement | median | all |"
echo "|---|---|---|"
series "a bare window, CDS" "First frame" "${bare[@]}"
series "a bare window, AOT" "First frame" "${bare_aot[@]}"
series "b console first frame, CDS" "First frame" "$console" "$cds_app" "$work/home" firstFrame 1 "${server[@]}"
series "b console first frame, AOT" "First frame" "$console" "$aot_app" "$work/home" firstFrame 1 "${server[@]}"
series "d runs list 1000 from sandbox, CDS" "Runs list interactive" "$console" "$cds_app" "$work/home" runsList 1000 "${server[@]}"
series "d runs list 1000 from sandbox, AOT" "Runs list interactive" "$console" "$aot_app" "$work/home" runsList 1000 "${server[@]}"
kill $sandbox; wait $sandbox 2>/dev/null
series "c runs list 1000 from cache, server down, CDS" "Runs list interactive" "$console" "$cds_app" "$work/home" runsList 1000 "${server[@]}"
series "c runs list 1000 from cache, server down, AOT" "Runs list interactive" "$console" "$aot_app" "$work/home" runsList 1000 "${server[@]}"
echo
echo "Load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v c="$med_c_runs_list_1000_from_cache__server_down__AOT" -v a="$med_a_bare_window__AOT" \
  -v c2="$med_c_runs_list_1000_from_cache__server_down__CDS" -v a2="$med_a_bare_window__CDS" \
  'BEGIN { if (a > 0 && a2 > 0) printf "Goal (c) <= 1.5 x (a): AOT %.2f x, CDS %.2f x\n", c / a, c2 / a2 }'
} | tee target/bench/startup.md
