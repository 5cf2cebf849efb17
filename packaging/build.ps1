# Windows half of packaging/build.sh (docs/adr/0030): the app image and the .msi, for CI on a Windows runner.
# Called by `mvnw -B -Pdist package` through packaging/Dist.java: build.ps1 JAVA_HOME APP_JAR
# The .msi needs the WiX Toolset (3.x: candle/light, or 4+: wix) on the PATH, as jpackage requires.
# No AOT training here: the Windows image starts with the runtime's default CDS archive (see ADR 0030).
param([Parameter(Mandatory = $true)][string]$JavaHome, [Parameter(Mandatory = $true)][string]$AppJar)
$ErrorActionPreference = 'Stop'
$name = 'Incident Console'
$work = 'target\dist-work'
$dest = 'target\dist'
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $dest, "$work\input", "$work\fxjmods", "$work\fxsplit"
New-Item -ItemType Directory -Force $dest, "$work\input", "$work\fxjmods", "$work\fxsplit" | Out-Null

Copy-Item $AppJar "$work\input\"
Get-ChildItem "$work\lib\*.jar" | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$work\input\"

# JavaFX platform jars -> jmods, natives (.dll) into the runtime's bin\ instead of %USERPROFILE%\.openjfx
Add-Type -AssemblyName System.IO.Compression.FileSystem
foreach ($jar in Get-ChildItem "$work\lib\javafx-*.jar") {
  $zip = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
  $modular = $zip.Entries | Where-Object { $_.FullName -eq 'module-info.class' }
  $zip.Dispose()
  if (-not $modular) { continue }  # the classifier-less stubs
  $module = 'javafx.' + ($jar.BaseName -replace '^javafx-([a-z]+)-.*$', '$1')
  $split = "$work\fxsplit\$($jar.BaseName)"
  [System.IO.Compression.ZipFile]::ExtractToDirectory($jar.FullName, "$split\classes")
  New-Item -ItemType Directory -Force "$split\libs" | Out-Null
  Get-ChildItem "$split\classes\*.dll" | Move-Item -Destination "$split\libs\"
  Remove-Item -Force -ErrorAction SilentlyContinue "$split\classes\META-INF\MANIFEST.MF"
  $libs = @()
  if (Get-ChildItem "$split\libs") { $libs = @('--libs', "$split\libs") }
  & "$JavaHome\bin\jmod" create --class-path "$split\classes" @libs "$work\fxjmods\$module.jmod"
  if ($LASTEXITCODE -ne 0) { throw "jmod failed for $($jar.Name)" }
}

& "$JavaHome\bin\jpackage" '@packaging/jpackage/app-image.args' --type app-image --dest $dest `
  --input "$work\input" --main-jar (Split-Path $AppJar -Leaf) --module-path "$work\fxjmods" `
  --add-launcher 'incident-console=packaging/jpackage/cli-windows.properties' `
  --icon packaging/icons/incident-console.ico
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }

& "$JavaHome\bin\jpackage" '@packaging/jpackage/windows.args' --name $name --app-version 0.1.0 `
  --vendor 'Incident Console' --app-image "$dest\$name" --dest $dest
if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
Get-ChildItem $dest
