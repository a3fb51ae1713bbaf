#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/../src/EmployerWorkflows.Web"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "EmployerWorkflows.Web.Data.Migrations.$provider"
  # dotnet-ef writes the snapshot under a folder derived from the namespace; keep it beside its migrations.
  snapshot="EmployerWorkflows/Web/Data/Migrations/$provider/${provider}AppDbContextModelSnapshot.cs"
  if [ -f "$snapshot" ]; then mv "$snapshot" "Data/Migrations/$provider/"; fi
done
rm -rf EmployerWorkflows
