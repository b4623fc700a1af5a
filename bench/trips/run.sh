#!/usr/bin/env bash
# Issue 7 benchmark: the trip planner, in process on this machine. Two trips of generated stops around Hà Nội (fixed
# seeds): 10 stops in one day and 30 stops over five days, pace Packed, by car. Each instance is timed as
# TripPlanner.Optimise plus TripPlanner.Schedule of every day, after a warm-up on other instances; target p99 ≤ 50 ms.
# Reference in the same run: an exhaustive search over every order of every subset of the one-day stops on a few of
# the same instances, which the day router's score must equal.
# Prints a Markdown section for bench/RESULTS.md (also saved as bench/out/trips/results.md).
# Usage: bench/trips/run.sh [instances] [warm-up] [exhaustive-search instances]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out/trips"
rm -rf "$out" && mkdir -p "$out"

echo "== Building the driver and the site's assembly (Release)" >&2
dotnet build "$root/bench/trips/TripBench" -c Release -o "$out/bench" -nologo -v:q >/dev/null

load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Running (load average $load)" >&2
status=0
dotnet "$out/bench/TripBench.dll" "${1:-300}" "${2:-30}" "${3:-20}" >"$out/figures.md" || status=$?
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu="$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
{
  echo "### Trip planner (issue 7) ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/trips/run.sh${*:+ $*}\` — machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "load average $load when the run started, $load_end when it ended (the machine is shared)." \
    "Release build, server GC, .NET SDK $(dotnet --version), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  cat "$out/figures.md"
} | tee "$out/results.md"
# The driver exits 1 when the router's score differs from the exhaustive search on any instance.
exit "$status"
