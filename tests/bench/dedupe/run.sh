#!/usr/bin/env bash
# The shared de-duplication check's cost (not a test): starts a throwaway PostgreSQL cluster (initdb, trust auth,
# fsync off, as the tests' PostgresFixture does), builds in Release and prints one DEDUPE line of timings.
# Usage: tests/bench/dedupe/run.sh [activities, default 2000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | tail -1)}"
root="$(mktemp -d /tmp/ospbot-dedupe-bench.XXXXXX)"
port="${PG_PORT:-55433}"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$root"; as_pg=(runuser -u postgres --); fi
stop() { "${as_pg[@]}" "$bin/pg_ctl" -D "$root/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$root"; }
trap stop EXIT
"${as_pg[@]}" "$bin/initdb" -D "$root/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/log" -w -t 60 \
  -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
dotnet build "$here/OspBot.Bench.Dedupe.csproj" -c Release -v quiet -nologo
dotnet "$here/bin/Release/net10.0/OspBot.Bench.Dedupe.dll" "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false" "$@"
