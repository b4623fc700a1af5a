#!/usr/bin/env bash
# Issue 5 benchmark: cash-on-delivery orders per second at 32 concurrent buyers, on SQLite and on PostgreSQL.
#   cod:   the order itself over HTTP. Carts are first filled and checked out to the review page (untimed); then
#          the buyers send the place-order forms (cash on delivery) and follow each to its confirmation page.
#   http:  the whole journey: buyers (own cookies) open a product page, add it to the cart, fill in the checkout,
#          choose cash on delivery and place the order: 8 requests per order (redirects included).
#   place: the same buyers call OrderPlacement in process (the transaction checkout ends with), no pages.
# All against the published site (Release), each database seeded fresh.
# Usage: bench/orders/run.sh [seconds] [buyers] [orders for cod]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"
buyers="${2:-32}"
orders="${3:-3000}"
out="$root/bench/out/orders"
port=5083
pg_port=55460
rm -rf "$out" && mkdir -p "$out"

echo "== Publishing the site and the driver (Release)"
dotnet publish "$root/src/Web" -c Release -o "$out/site" -nologo -v:q >/dev/null
dotnet build "$root/bench/orders/OrdersBench" -c Release -o "$out/driver" -nologo -v:q >/dev/null
driver() { dotnet "$out/driver/OrdersBench.dll" "$@"; }

pid=""
stop_site() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=""; }
cleanup() { stop_site; "$root/scripts/postgres.sh" stop "$out/pg" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# start_site <data-dir> [extra env...]: the seeded site on $port, returned once /health/ready answers.
start_site() {
  local data="$1"; shift
  (cd "$out/site" && exec env "$@" DataDir="$data" Content__SeedDirectory="$root/umbraco-content" \
    Site__BaseUrl="http://127.0.0.1:$port" Serilog__MinimumLevel__Default=Warning Email__Mode=Pickup \
    dotnet VillageCraftPortal.Web.dll --urls "http://127.0.0.1:$port") >"$data.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "site exited; see $data.log" >&2; exit 1; }
    sleep 0.1
  done
}

# Products the HTTP buyers take turns on: listed, not perishable, first variant ≤ 2,000,000 ₫ (two stay under the COD limit).
aliases=(bat-trang-blue-white-tea-set bat-trang-brown-glaze-mugs kim-lan-crackle-incense-bowl van-phuc-lua-van-scarf ha-thai-bamboo-lacquer-bowl phu-vinh-market-basket chuyen-my-coasters)

measure() { # measure <label> <provider> <connection> [site env...]
  local label="$1" provider="$2" connection="$3"; shift 3
  echo "== $label: seeding, stock"
  start_site "$out/$label" "$@"
  stop_site
  driver stock "$provider" "$connection"
  start_site "$out/$label" "$@"
  local existing=()
  for alias in "${aliases[@]}"; do
    curl -sf -o /dev/null "http://127.0.0.1:$port/vi/san-pham/$alias" && existing+=("$alias")
  done
  echo "== $label: cod, $buyers buyers, $orders orders (${#existing[@]} products)"
  driver cod "http://127.0.0.1:$port" "$orders" "$buyers" "${existing[@]}" | tee -a "$out/driver.txt" | sed "s/^/$label /"
  echo "== $label: http, $buyers buyers, ${seconds}s (${#existing[@]} products)"
  driver http "http://127.0.0.1:$port" "$seconds" "$buyers" "${existing[@]}" | tee -a "$out/driver.txt" | sed "s/^/$label /"
  stop_site
  echo "== $label: place, $buyers buyers, ${seconds}s"
  driver place "$provider" "$connection" "$seconds" "$buyers" | tee -a "$out/driver.txt" | sed "s/^/$label /"
}

measure sqlite sqlite "Data Source=$out/sqlite/db/site.db;Default Timeout=30"
"$root/scripts/postgres.sh" start "$out/pg" "$pg_port"
pg="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
measure postgres postgres "$pg" Database__Provider=Postgres ConnectionStrings__Default="$pg"

value() { grep "^mode=$1 " "$out/driver.txt" | sed -n "${2}p" | sed -n "s/.*$3=\([0-9.]*\).*/\1/p"; }
cpu="$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
{
  echo "### Cash-on-delivery orders per second ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/orders/run.sh $seconds $buyers $orders\` — machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB."
  echo "Site: \`dotnet publish -c Release\`, seeded, every variant's stock raised to 1,000,000 (ledgered). $buyers buyers. cod: $orders carts made ready first, 64 placed as warm-up, then the rest timed. http and place: ${seconds} s after a 3 s warm-up."
  echo
  echo "| Path | Database | Orders/s | p50 ms | p95 ms | p99 ms | Orders | Failed | Target |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "cod 1 SQLite" "cod 2 PostgreSQL" "http 1 SQLite" "http 2 PostgreSQL" "place 1 SQLite" "place 2 PostgreSQL"; do
    set -- $row
    case "$1" in
      cod) path="The order over HTTP: place-order form sent, confirmation page followed" ;;
      http) path="Whole journey over HTTP (product page to confirmation, 8 requests)" ;;
      place) path="OrderPlacement in process" ;;
    esac
    echo "| $path | $3 | **$(value "$1" "$2" orders_per_second)** | $(value "$1" "$2" p50_ms) | $(value "$1" "$2" p95_ms) | $(value "$1" "$2" p99_ms) | $(value "$1" "$2" orders) | $(value "$1" "$2" failures) | $([[ $1 == cod ]] && echo '≥ 200' || echo '—') |"
  done
} | tee "$out/results.md"
