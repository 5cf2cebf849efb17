#!/usr/bin/env bash
# Starts the built app image headless and checks what a user would notice (issue 18). Not part of `mvnw test`:
#   ./mvnw -B -Pdist package && packaging/smoke-test.sh [IMAGE_DIR]
# IMAGE_DIR defaults to "target/dist/Incident Console" (Linux). Needs a display or xvfb-run.
# Each start gets an empty HOME and no JAVA_HOME, so nothing of the build machine's JDK or data can help it.
# Checks: the window reaches its first frame and the app exits cleanly (exit 0); the embedded sandbox's runs list
# becomes interactive; nothing on stdout/stderr but the app's own INFO lines (no JavaFX "unsupported
# configuration", no sun.misc.Unsafe or native-access warnings, no AOT/CDS errors); data lands in the XDG data
# folder and nothing is unpacked to ~/.openjfx; a second start hands over to the first (single instance); the
# incident-console command-line launcher works.
set -u
image=${1:-"target/dist/Incident Console"}
app="$image/bin/Incident Console"
cli="$image/bin/incident-console"
[ -x "$app" ] && [ -x "$cli" ] || { echo "FAIL: no launchers in $image (run ./mvnw -B -Pdist package)"; exit 1; }
run=()
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "FAIL: no display and no xvfb-run"; exit 1; }
  run=(xvfb-run -a -s "-screen 0 1440x900x24")
fi
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# Java takes user.home from the password database, not $HOME: it is given explicitly as well.
clean_env=(env -u JAVA_HOME -u JDK_JAVA_OPTIONS HOME="$home" XDG_DATA_HOME="$home/.local/share"
  XDG_CONFIG_HOME="$home/.config" PATH=/usr/bin:/bin)
props="-Duser.home=$home -Dincident.console.credentials=file"
# JAVA_TOOL_OPTIONS is the only way to give the packaged launcher a system property; the JVM echoes it, so that
# one line is dropped before looking for warnings.
noise() { grep -v -E '^Picked up JAVA_TOOL_OPTIONS|INFO: |^[A-Z][a-z]{2} [0-9]{2}, [0-9]{4} .* (INFO|com\.incidentconsole)|^[a-zA-Z]+ [0-9]+, [0-9]+ [0-9:]+ [AP]M ' "$1"; }

start() { # start LOG exitAfter [args...]
  local log=$1 exit_after=$2; shift 2
  "${clean_env[@]}" JAVA_TOOL_OPTIONS="-Dincident.console.exitAfter=$exit_after $props" \
    timeout 300 "${run[@]}" "$app" "$@" >"$log" 2>&1
}

log="$home/first-frame.log"
start "$log" firstFrame; rc=$?
grep -q "First frame [0-9]* ms after JVM start" "$log" && pass "first frame: $(grep -o 'First frame [0-9]* ms' "$log")" \
  || fail "no first frame (see below)"
[ $rc = 0 ] && pass "exited cleanly after the first frame" || fail "exit code $rc after the first frame"
if [ -n "$(noise "$log")" ]; then fail "unexpected output:"; noise "$log" | head -20; else pass "no warnings"; fi

log="$home/runs.log"
start "$log" runsList; rc=$?
grep -q "Runs list interactive" "$log" && pass "sandbox runs list: $(grep -o 'Runs list interactive.*' "$log")" \
  || fail "the runs list never became interactive"
[ $rc = 0 ] && pass "exited cleanly after the runs list" || fail "exit code $rc after the runs list"
if [ -n "$(noise "$log")" ]; then fail "unexpected output:"; noise "$log" | head -20; else pass "no warnings"; fi
[ -d "$home/.local/share/incident-console" ] && pass "data in \$HOME/.local/share/incident-console" \
  || fail "no data folder at \$HOME/.local/share/incident-console"
[ ! -e "$home/.openjfx" ] && pass "no JavaFX natives unpacked into the home" || fail "\$HOME/.openjfx was created"

# Single instance: a second start while the first runs brings the first forward and ends by itself.
log="$home/first.log"
"${clean_env[@]}" JAVA_TOOL_OPTIONS="$props" timeout 300 "${run[@]}" "$app" >"$log" 2>&1 & first=$!
for _ in $(seq 1800); do grep -q "First frame" "$log" && break; kill -0 $first 2>/dev/null || break; sleep 0.1; done
"${clean_env[@]}" JAVA_TOOL_OPTIONS="$props" timeout 120 "${run[@]}" "$app" >"$home/second.log" 2>&1; rc=$?
grep -q "brought its window to the front" "$home/second.log" && pass "second start handed over (exit $rc)" \
  || { fail "second start did not hand over:"; tail -5 "$home/second.log"; }
kill -TERM $first 2>/dev/null; wait $first 2>/dev/null

out=$("${clean_env[@]}" timeout 60 "$cli" --version 2>&1); rc=$?
[ $rc = 0 ] && [[ "$out" == *"Incident Console"* ]] && pass "incident-console --version: $out" \
  || fail "incident-console --version: exit $rc: $out"
out=$("${clean_env[@]}" timeout 60 "$cli" sandbox --help 2>&1); rc=$?
[ $rc = 0 ] && pass "incident-console sandbox --help" || fail "incident-console sandbox --help: exit $rc: $out"

if [ $failures -gt 0 ]; then
  echo "$failures check(s) failed; logs:"; for f in "$home"/*.log; do echo "== $f"; tail -15 "$f"; done
  exit 1
fi
echo "smoke test passed"
