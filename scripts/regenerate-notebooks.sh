#!/usr/bin/env bash
# Runs every notebook in notebooks/ on the embedded synthetic sample and saves it WITH its outputs,
# through the same in-process runner as the notebook tests (tests/MesAides.Analytics.Notebooks.Tests).
# Outputs are deterministic (chart ids chart-1, chart-2…; invariant culture; no timestamps), so a rerun on
# unchanged code leaves the files unchanged. A notebook that fails is left as it was, and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Debug on purpose: the notebooks' first cell references src/MesAides.Analytics/bin/Debug/net10.0/.
dotnet build tests/MesAides.Analytics.Notebooks.Tests --configuration Debug
MESAIDES_WRITE_NOTEBOOK_OUTPUTS=1 dotnet test tests/MesAides.Analytics.Notebooks.Tests --configuration Debug --no-build \
  --filter "FullyQualifiedName~MesAides.Analytics.Notebooks.Tests.Notebooks" "$@"
git status --short notebooks/ 2>/dev/null || true
