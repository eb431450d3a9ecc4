# Build Opora for Windows: a venv with the package extra, the icons, the PyInstaller folder
# (packaging/windows/opora.spec), a quick check of it, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11+ (py launcher) and Inno Setup 6 (ISCC.exe).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q --disable-pip-version-check -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$icons = "build\package\icons"
.venv\Scripts\python packaging\make_icons.py $icons
$env:OPORA_ICONS = (Resolve-Path $icons).Path
Remove-Item -Recurse -Force dist\opora -ErrorAction SilentlyContinue
.venv\Scripts\python -m PyInstaller --noconfirm --log-level WARN --distpath dist `
  --workpath build\package\work packaging\windows\opora.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

dist\opora\opora-cli.exe --version
if ($LASTEXITCODE -ne 0) { throw "the packaged opora-cli.exe does not start" }

$version = (.venv\Scripts\python -c "import app; print(app.__version__)").Trim()
$iscc = Get-Command ISCC.exe -ErrorAction SilentlyContinue
$iscc = if ($iscc) { $iscc.Source } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc /Q "/DAppVersion=$version" packaging\windows\opora.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
