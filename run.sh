#!/usr/bin/env bash
# Runs the product on this machine: the API with the preview pane on http://localhost:5180,
# embedded SQLite, no tenant needed.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f addin/package.json ]; then
  (cd addin && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
fi
exec dotnet run --project api/OutlookCommit.Api -- --urls "${OUTLOOKCOMMIT_URLS:-http://localhost:5180}"
