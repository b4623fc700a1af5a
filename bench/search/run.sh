#!/usr/bin/env bash
# Issue 6 benchmark, all in one process on this machine:
#  1. builds the index of 100,000 synthetic products and 5,000 villages (generated with a fixed seed);
#  2. 1,000 mixed searches through SearchService, each also run as raw Lucene.Net (same query, plain top-N and the
#     page's hit doc values), the order alternating per query, and then through SearchService without the postings
#     cache; after 200 warm-up queries;
#  3. 1,000 autocomplete calls through SearchService.Suggest; 4. memory and index size;
#  5. a breakdown of where a search's time goes, over the first 200 of the same queries (diagnostic);
#  6. the 1,000 searches again, ours and raw, once 1,000 products (1 %) are deleted, as updates leave segments.
# Prints a Markdown section for bench/RESULTS.md (also saved as bench/out/search/results.md).
# Usage: bench/search/run.sh [products] [villages] [queries] [warm-up] [breakdown queries]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out/search"
rm -rf "$out" && mkdir -p "$out"

echo "== Building the driver and the site's assembly (Release)" >&2
dotnet build "$root/bench/search/SearchBench" -c Release -o "$out/bench" -nologo -v:q >/dev/null

load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Running (load average $load)" >&2
dotnet "$out/bench/SearchBench.dll" "$out" "${1:-100000}" "${2:-5000}" "${3:-1000}" "${4:-200}" "${5:-200}" >"$out/figures.md"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu="$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
{
  echo "### Search (issue 6) ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/search/run.sh${*:+ $*}\` — machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "load average $load when the run started, $load_end when it ended (the machine is shared)." \
    "Release build, server GC, Lucene.Net 4.8.0-beta00017, index on local disk."
  echo
  cat "$out/figures.md"
} | tee "$out/results.md"
