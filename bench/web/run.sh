#!/usr/bin/env bash
# Issue 2 benchmark: throughput and p99 latency of the home and a village page (wrk, 64 connections) against
# nginx serving the same HTML as static files, in the same run; and the time from start to /health/ready.
# Usage: bench/web/run.sh [duration-seconds]   (installs wrk and nginx from Debian when missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-20}"
out="$root/bench/out/web"
site_port=5080
nginx_port=5081
rm -rf "$out" && mkdir -p "$out"

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; break; }
done

echo "== Publishing the site (Release)"
dotnet publish "$root/src/Web" -c Release -o "$out/site" -nologo -v:q >/dev/null

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$out/nginx/nginx.pid" ]] && nginx -c "$out/nginx/nginx.conf" -s stop 2>/dev/null || true
}
trap cleanup EXIT

# Milliseconds from launching the published site until /health/ready answers 200.
time_to_ready() {
  local data_dir="$1" start end pid
  start=$(date +%s%N)
  (cd "$out/site" && exec env DataDir="$data_dir" Content__SeedDirectory="$root/umbraco-content" \
      Site__BaseUrl="http://127.0.0.1:$site_port" Map__TileUrl="" Serilog__MinimumLevel__Default=Warning \
      dotnet VillageCraftPortal.Web.dll --urls "http://127.0.0.1:$site_port" >"$out/site.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$site_port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "site exited; see $out/site.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) "$pid"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== Start-up to /health/ready"
first_runs=(); warm_runs=()
for i in 1 2 3; do
  rm -rf "$out/data"
  read -r ms pid < <(time_to_ready "$out/data"); first_runs+=("$ms"); kill "$pid"; wait "$pid" 2>/dev/null || true
done
for i in 1 2 3 4 5; do
  read -r ms pid < <(time_to_ready "$out/data"); warm_runs+=("$ms"); kill "$pid"; wait "$pid" 2>/dev/null || true
done
first_ms=$(printf '%s\n' "${first_runs[@]}" | median)
warm_ms=$(printf '%s\n' "${warm_runs[@]}" | median)

echo "== Starting the site for the load test"
read -r _ site_pid < <(time_to_ready "$out/data"); pids+=("$site_pid")

# nginx serves the very HTML the site produced, saved as static files at the same paths.
mkdir -p "$out/nginx/html/vi/lang-nghe/bat-trang" "$out/nginx/logs"
curl -sf "http://127.0.0.1:$site_port/vi" -o "$out/nginx/html/vi/index.html"
curl -sf "http://127.0.0.1:$site_port/vi/lang-nghe/bat-trang" -o "$out/nginx/html/vi/lang-nghe/bat-trang/index.html"
cat >"$out/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $out/nginx/nginx.pid;
error_log $out/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path $out/nginx/tmp;
  proxy_temp_path $out/nginx/tmp;
  fastcgi_temp_path $out/nginx/tmp;
  uwsgi_temp_path $out/nginx/tmp;
  scgi_temp_path $out/nginx/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/nginx/html;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
mkdir -p "$out/nginx/tmp"
nginx -c "$out/nginx/nginx.conf"

run_wrk() { # url -> "rps p99ms"
  wrk -t2 -c64 -d"${duration}s" --latency "$1" >"$out/wrk.txt" 2>&1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$out/wrk.txt")
  if grep -q "Non-2xx" "$out/wrk.txt"; then echo "non-2xx responses for $1" >&2; cat "$out/wrk.txt" >&2; exit 1; fi
  echo "$rps $p99"
}

results=()
for page in "/vi" "/vi/lang-nghe/bat-trang"; do
  # Warm both servers (JIT, output cache, page cache) before measuring.
  wrk -t2 -c64 -d3s "http://127.0.0.1:$site_port$page" >/dev/null
  wrk -t2 -c64 -d3s "http://127.0.0.1:$nginx_port$page" >/dev/null
  read -r site_rps site_p99 < <(run_wrk "http://127.0.0.1:$site_port$page")
  read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port$page")
  bytes=$(stat -c %s "$out/nginx/html${page}/index.html" 2>/dev/null || stat -c %s "$out/nginx/html${page}.html")
  ratio=$(awk -v a="$site_rps" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a/b}')
  results+=("| \`$page\` ($bytes B) | $site_rps | $site_p99 | $nginx_rps | $nginx_p99 | **${ratio}×** |")
done

cpu="$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
{
  echo "### Public pages vs nginx, and start-up ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/web/run.sh $duration\` — machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB; site and wrk share the cores."
  echo "Site: \`dotnet publish -c Release\`, SQLite, seeded; nginx $(nginx -v 2>&1 | sed 's/.*\///') serves the same HTML saved as files."
  echo "Load: \`wrk -t2 -c64 -d${duration}s --latency\` after a 3 s warm-up of each server."
  echo
  echo "| Page | Site req/s | Site p99 (ms) | nginx req/s | nginx p99 (ms) | Site / nginx |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${results[@]}"
  echo
  echo "Target ≥ 0.5× nginx's throughput."
  echo
  echo "| Start-up to \`/health/ready\` | Runs (ms) | Median (ms) | Target |"
  echo "| --- | --- | ---: | ---: |"
  echo "| First run: empty DataDir, migrations + seed import | ${first_runs[*]} | $first_ms | ≤ 15000 |"
  echo "| Later runs: existing database | ${warm_runs[*]} | $warm_ms | ≤ 5000 |"
} | tee "$out/results.md"
