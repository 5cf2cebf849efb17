#!/usr/bin/env bash
# Builds the native packages from what `./mvnw -Pdist package` prepared (docs/adr/0030, packaging/README.md):
#   target/dist/<app image>       the app with its own trimmed Java runtime (jlink), JavaFX as real modules
#   target/dist/*.deb / *.rpm     on Linux (rpm only where rpmbuild exists)
#   target/dist/*.dmg             on macOS
# Usage (from the project root; Maven calls it so): packaging/build.sh JAVA_HOME APP_JAR
#   APP_JAR: the plain (not shaded) application jar; its runtime dependencies are in target/dist-work/lib.
#   DIST_AOT=0 skips training the AOT cache; DIST_TYPES="app-image" skips the installers.
set -euo pipefail
java_home=${1:?usage: packaging/build.sh JAVA_HOME APP_JAR}
app_jar=${2:?usage: packaging/build.sh JAVA_HOME APP_JAR}
name="Incident Console"
work=target/dist-work
dest=target/dist
jpackage="$java_home/bin/jpackage"
jmod="$java_home/bin/jmod"

case "$(uname -s)" in
  Linux) os=linux; image="$dest/$name"; appdir="$image/lib/app"; launcher="$image/bin/$name" ;;
  Darwin) os=macos; image="$dest/$name.app"; appdir="$image/Contents/app"; launcher="$image/Contents/MacOS/$name" ;;
  *) echo "packaging/build.sh: use packaging/build.ps1 on Windows" >&2; exit 2 ;;
esac

rm -rf "$dest" "$work/input" "$work/fxjmods" "$work/fxsplit"
mkdir -p "$dest" "$work/input" "$work/fxjmods" "$work/fxsplit"

# Class path: the app jar and every non-JavaFX library. The classifier-less javafx-*.jar are empty stubs.
cp "$app_jar" "$work/input/"
for jar in "$work"/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$work/input/" ;; esac
done

# JavaFX as jmods made from Maven Central's platform jars (Gluon's jmods are not on Central, and this JDK has no
# jmods/ of its own): the native libraries go into the runtime's lib/, so nothing is unpacked into the user's
# home at first start and no writable home is needed.
for jar in "$work"/lib/javafx-*.jar; do
  unzip -l "$jar" module-info.class >/dev/null 2>&1 || continue  # the classifier-less stubs
  base=$(basename "$jar" .jar)
  module=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Automatic-Module-Name: //p')
  [ -n "$module" ] || module=$(echo "$base" | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/')
  split="$work/fxsplit/$base"
  mkdir -p "$split/classes" "$split/libs"
  (cd "$split/classes" && unzip -q -o "$OLDPWD/$jar")
  find "$split/classes" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) -exec mv {} "$split/libs/" \;
  rm -rf "$split/classes/META-INF/MANIFEST.MF" "$split/classes/META-INF/"*.SF "$split/classes/META-INF/"*.RSA
  libs=()
  [ -n "$(ls -A "$split/libs")" ] && libs=(--libs "$split/libs")
  "$jmod" create --class-path "$split/classes" "${libs[@]}" "$work/fxjmods/$module.jmod"
done

"$jpackage" @packaging/jpackage/app-image.args --type app-image --dest "$dest" \
  --input "$work/input" --main-jar "$(basename "$app_jar")" --module-path "$work/fxjmods" \
  --add-launcher incident-console=packaging/jpackage/cli.properties \
  --icon "packaging/icons/incident-console.$([ $os = macos ] && echo icns || echo png)" 2>&1 \
  | grep -v 'Warning: No JDK Modules found' || true
[ -x "$launcher" ] || { echo "jpackage made no launcher at $launcher" >&2; exit 1; }

# The JDK 25 AOT cache (JEP 483/514): trained here, once, with the image's own runtime and class path, on a start
# against the embedded sandbox until its runs list is interactive; shipped read-only inside the app. A start whose
# runtime or class path differ from the training's (a damaged install) falls back to plain CDS; -Xlog:aot=off keeps
# that fallback from printing to the user's terminal.
display_runner=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then display_runner=(xvfb-run -a -s "-screen 0 1440x900x24"); fi
fi
if [ "${DIST_AOT:-1}" = 1 ] && { [ ${#display_runner[@]} -gt 0 ] || [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ $os = macos ]; }; then
  train_home=$(mktemp -d)
  aot="$appdir/incident-console.aot"
  if HOME="$train_home" JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$train_home/app.aot -Duser.home=$train_home -Dincident.console.home=$train_home/data -Dincident.console.credentials=file -Dincident.console.exitAfter=runsList" \
      timeout 180 "${display_runner[@]}" "$launcher" >"$work/aot-training.log" 2>&1 && [ -s "$train_home/app.aot" ]; then
    mv "$train_home/app.aot" "$aot"
    for cfg in "$appdir"/*.cfg; do
      awk '{ print } /^\[JavaOptions\]$/ { print "java-options=-XX:AOTCache=$APPDIR/incident-console.aot"; print "java-options=-Xlog:aot=off" }' \
        "$cfg" > "$cfg.new" && mv "$cfg.new" "$cfg"
    done
    echo "AOT cache: $aot ($(du -h "$aot" | cut -f1))"
  else
    rm -f "$aot"
    echo "AOT cache not trained (see $work/aot-training.log); the app starts with plain CDS" >&2
  fi
  rm -rf "$train_home"
else
  echo "AOT cache not trained (no display and no xvfb-run, or DIST_AOT=0)" >&2
fi

types=${DIST_TYPES:-}
if [ -z "$types" ]; then
  if [ $os = linux ]; then
    command -v dpkg-deb >/dev/null && types="deb"
    command -v rpmbuild >/dev/null && types="$types rpm"
  else
    types=dmg
  fi
fi
for type in $types; do
  case "$type" in
    deb) args=packaging/jpackage/linux.args ;;
    rpm) args=packaging/jpackage/linux-rpm.args ;;
    dmg) args=packaging/jpackage/macos.args ;;
    *) continue ;;
  esac
  "$jpackage" @"$args" --name "$name" --app-version 0.1.0 --vendor "Incident Console" \
    --description "Keyboard-first, offline-safe console for Mattermost Playbooks incident commanders" \
    --app-image "$image" --dest "$dest" 2>&1 | grep -v 'Warning: No JDK Modules found' || true
done
ls -l "$dest"
