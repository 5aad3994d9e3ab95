#!/usr/bin/env bash
# Soak benchmark (issue 6; not a test): two OspBot instances (Release) on one throwaway PostgreSQL cluster, a fake
# Bot Connector counting every message per recipient, mixed traffic over both instances for --minutes (default 30).
# Usage: tests/bench/soak/run.sh [--minutes 2] [--leads 200] [--workers 4] [--pause-ms 50]
# Needs PostgreSQL's server binaries (apt-get install postgresql); PG_BIN overrides where initdb/pg_ctl are.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bin/initdb" ] || { echo "initdb not found: apt-get install postgresql, or set PG_BIN" >&2; exit 2; }

work="$(mktemp -d /tmp/ospbot-soak.XXXXXX)"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$work"; as_pg=(runuser -u postgres --); fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
"${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ospbot

dotnet build "$root/bot/OspBot/OspBot.csproj" -c Release -v quiet -nologo -o "$work/bot" >/dev/null
dotnet build "$here/OspBot.Bench.Soak.csproj" -c Release -v quiet -nologo >/dev/null
mkdir -p "$work/run"
[ "$(id -u)" = 0 ] && chmod 777 "$work"
dotnet "$here/bin/Release/net10.0/OspBot.Bench.Soak.dll" \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=ospbot" \
  --bot-dll "$work/bot/OspBot.dll" --work "$work/run" "$@"
