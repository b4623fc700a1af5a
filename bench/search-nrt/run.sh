#!/usr/bin/env bash
# Issue 6 benchmark: publish → searchable latency (target: within 1 s) on SQLite and PostgreSQL, the site in process.
# Usage: bench/search-nrt/run.sh [rounds]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-50}"
out="$root/bench/out/search-nrt"
pg_port=55470
rm -rf "$out" && mkdir -p "$out"
dotnet build "$root/bench/search-nrt/NrtBench" -c Release -o "$out/driver" -nologo -v:q >/dev/null
cleanup() { "$root/scripts/postgres.sh" stop "$out/pg" >/dev/null 2>&1 || true; }
trap cleanup EXIT

(cd "$out/driver" && dotnet NrtBench.dll "$root" sqlite "" "$rounds") | tee "$out/results.txt"
"$root/scripts/postgres.sh" start "$out/pg" "$pg_port" >/dev/null
(cd "$out/driver" && dotnet NrtBench.dll "$root" postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" "$rounds") | tee -a "$out/results.txt"
echo "machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(free -g | awk '/Mem:/ {print $2}') GiB"
