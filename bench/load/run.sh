#!/usr/bin/env bash
# Load benchmark of one article page: newshound serving the demo site on
# SQLite with visit counting on, against nginx serving a saved copy of the
# same page as a static file (plain, and precompressed with gzip_static),
# and, for scale, a bare Go server writing the same bytes from memory
# (bench/load/fixedserver). Each is measured with
# `wrk -t1 -c64 -d15s --latency`, without and with Accept-Encoding: gzip,
# sending an ordinary browser User-Agent, so every request to newshound is a
# view. Afterwards newshound is stopped gracefully (it flushes its counts)
# and the stored view count of the article must equal the requests wrk
# reported.
#
# Usage: bench/load/run.sh            (from anywhere in the repository)
# Environment: DURATION seconds (default 15), CONNECTIONS (default 64),
#              ROUNDS (default 1: how many times the six runs are repeated,
#              interleaved, for a median on a noisy machine),
#              NH_PORT / NGINX_PORT / GO_PORT (default 18080 / 18081 / 18082).
# Installs wrk, nginx and sqlite3 from Debian when missing. Stops everything
# it started, on success and on failure. Takes about 2 minutes a round.
set -euo pipefail

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-1}
CONNECTIONS=${CONNECTIONS:-64}
NH_PORT=${NH_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
GO_PORT=${GO_PORT:-18082}
UA='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36'

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/newshound-load.XXXXXX)
nh_pid='' nginx_pid='' go_pid=''

cleanup() {
	if [ -n "$nh_pid" ]; then kill -TERM "$nh_pid" 2>/dev/null || true; wait "$nh_pid" 2>/dev/null || true; fi
	if [ -n "$go_pid" ]; then kill -TERM "$go_pid" 2>/dev/null || true; wait "$go_pid" 2>/dev/null || true; fi
	if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]} from Debian"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "building newshound"
(cd "$repo" && go build -o "$work/newshound" ./cmd/newshound && go build -o "$work/fixedserver" ./bench/load/fixedserver)

mkdir -p "$work/data"
# --workers=false: no ingestion polling the demo's made-up feeds meanwhile.
"$work/newshound" serve --demo --data "$work/data" --addr "127.0.0.1:$NH_PORT" \
	--log-level warn --count-visits --workers=false >"$work/serve.log" 2>&1 &
nh_pid=$!
for _ in $(seq 100); do
	curl -fs "http://127.0.0.1:$NH_PORT/healthz" >/dev/null 2>&1 && break
	kill -0 "$nh_pid" 2>/dev/null || { cat "$work/serve.log"; fail "newshound did not start"; }
	sleep 0.1
done

# The newest demo article. curl's own User-Agent is not a browser's, so
# these requests are not views.
slug=$(curl -fs "http://127.0.0.1:$NH_PORT/" | grep -o 'href="/a/[^"]*"' | head -1 | sed 's|href="/a/||; s|"||')
[ -n "$slug" ] || fail "no article on the demo home page"
path="/a/$slug"

mkdir -p "$work/www/plain" "$work/www/gz" "$work/nginx-tmp"
chmod 755 "$work" "$work/www" "$work/www/plain" "$work/www/gz" # nginx workers run as www-data
curl -fs "http://127.0.0.1:$NH_PORT$path" >"$work/www/plain/article.html"
cp "$work/www/plain/article.html" "$work/www/gz/article.html"
gzip -9 -k "$work/www/gz/article.html"
chmod 644 "$work"/www/*/article.html*
page_bytes=$(wc -c <"$work/www/plain/article.html")
gz_bytes=$(wc -c <"$work/www/gz/article.html.gz")

cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	types { text/html html; }
	default_type text/html;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 10000000;
	client_body_temp_path $work/nginx-tmp;
	proxy_temp_path $work/nginx-tmp;
	fastcgi_temp_path $work/nginx-tmp;
	uwsgi_temp_path $work/nginx-tmp;
	scgi_temp_path $work/nginx-tmp;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $work/www;
		location /plain/ { gzip off; }
		location /gz/ { gzip_static on; }
	}
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" 2>"$work/nginx-start.log" &
nginx_pid=$!
"$work/fixedserver" "127.0.0.1:$GO_PORT" "$work/www/plain/article.html" "$work/www/gz/article.html.gz" &
go_pid=$!
for _ in $(seq 50); do
	curl -fs "http://127.0.0.1:$NGINX_PORT/plain/article.html" >/dev/null 2>&1 &&
		curl -fs "http://127.0.0.1:$GO_PORT/" >/dev/null 2>&1 && break
	sleep 0.1
done
got=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$NGINX_PORT/gz/article.html" || true)
[ "$got" = "$gz_bytes" ] ||
	fail "nginx does not serve the precompressed file: $(cat "$work/nginx-start.log" "$work/nginx-error.log" 2>/dev/null | tail -3)"

# When wrk's time is up it stops reading, and the requests then on the wire
# (one per connection) are served, and counted, without wrk counting them.
# So connections stop sending 300 ms before the end, and wrk's own count is
# every request it made. (A Lua delay() of 0 costs wrk nothing measurable;
# a request() hook would halve its speed.)
cat >"$work/drain.lua" <<'LUA'
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } nh_timespec;
int clock_gettime(int clk, nh_timespec *ts);
]]
local ts = ffi.new("nh_timespec")
local function now_ms()
	ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
	return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
function init(args) stop_at = now_ms() + tonumber(args[1]) end
function delay()
	if now_ms() >= stop_at then return 3600000 end
	return 0
end
LUA

# cputicks sums the user and system CPU time of processes, in clock ticks.
cputicks() {
	local t=0 p
	for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
	echo "$t"
}

declare -A rps p50 p99 reqs cpu
run() { # name url accept-encoding pids...
	local name=$1 url=$2 ae=$3 out errs t0 t1
	shift 3
	t0=$(cputicks "$@")
	local args=(-t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 5s -s "$work/drain.lua" -H "User-Agent: $UA")
	[ -n "$ae" ] && args+=(-H "Accept-Encoding: $ae")
	echo "wrk $name"
	out=$(timeout $((DURATION + 60)) wrk "${args[@]}" "$url" -- $((DURATION * 1000 - 300)))
	t1=$(cputicks "$@")
	echo "$out" >"$work/wrk-$name.txt"
	rps[$name]=$(awk '$1 == "Requests/sec:" {print $2}' <<<"$out")
	p50[$name]=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99[$name]=$(awk '$1 == "99%" {print $2}' <<<"$out")
	reqs[$name]=$(awk '$2 == "requests" && $3 == "in" {print $1}' <<<"$out")
	# Server CPU per request: robust to a busy machine, unlike req/s.
	cpu[$name]=$(awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="${reqs[$name]}" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
	errs=$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)
	[ -z "$errs" ] || echo "  $name: $errs"
}

load=$(cut -d' ' -f1 /proc/loadavg)
expected=0
for round in $(seq "$ROUNDS"); do
	for mode in plain gzip; do
		ae=''
		dir=plain
		if [ "$mode" = gzip ]; then ae=gzip dir=gz; fi
		run "nginx-$mode-$round" "http://127.0.0.1:$NGINX_PORT/$dir/article.html" "$ae" "$nginx_pid" $(pgrep -P "$nginx_pid")
		run "newshound-$mode-$round" "http://127.0.0.1:$NH_PORT$path" "$ae" "$nh_pid"
		run "go-fixed-$mode-$round" "http://127.0.0.1:$GO_PORT/" "$ae" "$go_pid"
		expected=$((expected + reqs[newshound-$mode-$round]))
	done
done

# Stop newshound gracefully: it writes the counts still in memory.
kill -TERM "$nh_pid"
wait "$nh_pid" || fail "newshound did not stop cleanly: $(cat "$work/serve.log")"
nh_pid=''
stored=$(sqlite3 "$work/data/newshound.db" "SELECT COALESCE(SUM(views), 0) FROM article_views v JOIN articles a ON a.id = v.article_id WHERE a.slug = '$slug'")

# ms turns wrk's "1.23ms" / "456.00us" / "1.02s" into milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

echo
echo "Article page: $page_bytes bytes, $gz_bytes gzipped. wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency; $(nproc) CPUs; load average at start $load."
printf '%-10s %-6s %5s %10s %8s %8s %9s %12s\n' server mode round req/s p50_ms p99_ms vs_nginx cpu_us/req
for round in $(seq "$ROUNDS"); do
	for mode in plain gzip; do
		for srv in nginx newshound go-fixed; do
			n="$srv-$mode-$round"
			printf '%-10s %-6s %5s %10s %8s %8s %9s %12s\n' "$srv" "$mode" "$round" "${rps[$n]}" "$(ms "${p50[$n]}")" "$(ms "${p99[$n]}")" \
				"$(ratio "${rps[$n]}" "${rps[nginx-$mode-$round]}")" "${cpu[$n]}"
		done
	done
done
if [ "$ROUNDS" -gt 1 ]; then
	echo
	for mode in plain gzip; do
		for srv in newshound go-fixed; do
			ratios=$(for round in $(seq "$ROUNDS"); do
				awk -v a="${rps[$srv-$mode-$round]}" -v b="${rps[nginx-$mode-$round]}" 'BEGIN { printf "%.1f\n", 100 * a / b }'
			done | sort -n | tr '\n' ' ')
			worst=$(for round in $(seq "$ROUNDS"); do ms "${p99[$srv-$mode-$round]}"; echo; done | sort -n | tail -1)
			echo "$srv $mode: vs nginx by round (sorted) $ratios; median $(median $ratios)%; worst p99 $worst ms"
		done
	done
fi
echo
echo "views of $path stored: $stored; requests wrk reported to newshound: $expected"
[ "$stored" -eq "$expected" ] || fail "stored view count $stored differs from the $expected requests wrk reported"
echo "OK: every request was counted exactly once"
