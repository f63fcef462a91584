#!/usr/bin/env bash
# Runs every test of the product: the C# suites (engine, API), then the add-in's unit and browser tests.
set -euo pipefail
cd "$(dirname "$0")"

dotnet test OutlookCommit.sln --nologo

if [ -f addin/package.json ]; then
  (cd addin && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test)
fi
