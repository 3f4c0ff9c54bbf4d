#!/usr/bin/env bash
# run.sh measures newshound's article extractor against go-readability
# (codeberg.org/readeck/go-readability/v2) and go-trafilatura in one run:
#
#   1. in-process speed on one core: pages/s and bytes allocated per page
#      over both dev sets (go test -bench, GOMAXPROCS=1, pinned to one CPU);
#   2. structure kept on the readability set (cmd/structure), and the
#      metadata matched there (cmd/metadata: newshound and go-readability);
#   3. peak RSS of one process extracting a typical (median-size) page;
#   4. start-up: one process on a tiny page, 20 times;
#   5. quality with the project's scorer on both dev sets, one process per
#      page, which also times the CLIs start-up included.
#
# Usage: bench/extractors/run.sh            (from anywhere)
# Env:   NEWSHOUND_EXTRACT_CORPUS  the extract-dev directory
#        EXTRACTSCORE_SRC          the scorer's source directory
#        BENCHTIME                 go test -benchtime (default 3x)
# Output goes to bench/extractors/results/ and a summary table to stdout.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$(cd "${NEWSHOUND_EXTRACT_CORPUS:-$root/../shared/corpus/extract-dev}" && pwd)
scorer_src=$(cd "${EXTRACTSCORE_SRC:-$root/../shared/tools/extractscore}" && pwd)
out=$here/results
bin=$here/bin
mkdir -p "$out" "$bin"
export NEWSHOUND_EXTRACT_CORPUS=$corpus

# One core, as the targets are stated; taskset when the machine has it.
pin=(env GOMAXPROCS=1)
if command -v taskset >/dev/null; then
	pin+=(taskset -c 1)
fi

names=(newshound readability trafilatura)
declare -A cmd=(
	[newshound]="$bin/newshound extract --format text"
	[readability]="$bin/readability"
	[trafilatura]="$bin/trafilatura"
)

echo "== build" >&2
(cd "$root" && go build -o "$bin/newshound" ./cmd/newshound)
(cd "$here" && go build -o "$bin/readability" ./cmd/readability && go build -o "$bin/trafilatura" ./cmd/trafilatura)
(cd "$scorer_src" && go build -o "$bin/extractscore" .)

echo "== in-process benchmark (one core)" >&2
(cd "$here" && "${pin[@]}" go test -run '^$' -bench . -benchtime "${BENCHTIME:-3x}" -benchmem) | tee "$out/bench.txt" >&2

echo "== structure kept (readability set)" >&2
(cd "$here" && go run ./cmd/structure) | tee "$out/structure.txt" >&2

echo "== metadata matched (readability set)" >&2
(cd "$here" && go run ./cmd/metadata) | tee "$out/metadata.txt" >&2

echo "== peak RSS on a typical page" >&2
pages=("$corpus"/readability/*/source.html)
typical=$(ls -S "${pages[@]}" | sed -n "$(((${#pages[@]} + 1) / 2))p")
echo "typical page: $typical ($(wc -c <"$typical") bytes)" >"$out/rss.txt"
for n in "${names[@]}"; do
	# shellcheck disable=SC2086 # cmd holds a command and its flags
	"${pin[@]}" /usr/bin/time -v ${cmd[$n]} "$typical" 2>"$out/rss-$n.txt" >/dev/null
	kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/rss-$n.txt")
	echo "$n $kb" >>"$out/rss.txt"
done
cat "$out/rss.txt" >&2

echo "== start-up: one process on a tiny page, mean of 20 runs" >&2
tiny=$(ls -Sr "$corpus"/readability-fixtures/*/source.html | head -1)
: >"$out/startup.txt"
for n in "${names[@]}"; do
	start=$(date +%s%N)
	for _ in $(seq 20); do
		# shellcheck disable=SC2086 # cmd holds a command and its flags
		"${pin[@]}" ${cmd[$n]} "$tiny" >/dev/null 2>&1 || true
	done
	echo "$n $((($(date +%s%N) - start) / 20000000))" >>"$out/startup.txt"
done
cat "$out/startup.txt" >&2

echo "== quality and one-process-per-page timing (scorer)" >&2
for set in readability trafilatura; do
	for n in "${names[@]}"; do
		"${pin[@]}" "$bin/extractscore" -set "$corpus/$set" -cmd "${cmd[$n]} {file}" >"$out/score-$n-$set.txt" 2>&1
		grep SUMMARY "$out/score-$n-$set.txt" | sed "s/^/$n: /" >&2
	done
done

# field NAME KEY FILE prints the value of KEY=... on the SUMMARY line.
field() { grep SUMMARY "$3" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}' | sed 's/±.*//'; }

echo
echo "| | newshound | go-readability | go-trafilatura |"
echo "|---|---|---|---|"
row() { # row LABEL SET KEY
	printf '| %s |' "$1"
	for n in "${names[@]}"; do printf ' %s |' "$(field "$n" "$3" "$out/score-$n-$2.txt")"; done
	echo
}
row "readability set P" readability P
row "readability set R" readability R
row "readability set F1" readability F1
row "trafilatura set P" trafilatura P
row "trafilatura set R" trafilatura R
row "trafilatura set F1" trafilatura F1
labels=("headings" "block quotes" "list items" "captions" "section headings")
for k in 0 1 2 3 4; do
	printf '| structure: %s kept |' "${labels[$k]}"
	for n in "${names[@]}"; do printf ' %s |' "$(awk -v n="$n" -v k="$k" '$1 == n {print $(k + 2)}' "$out/structure.txt")"; done
	echo
done
printf '| in-process pages/s (1 core) |'
for n in "${names[@]}"; do printf ' %s |' "$(awk -v n="BenchmarkExtractors/$n" '$1 == n { for (i = 1; i < NF; i++) if ($(i + 1) == "pages/s") print $i }' "$out/bench.txt")"; done
echo
printf '| in-process bytes allocated per page |'
for n in "${names[@]}"; do printf ' %s |' "$(awk -v n="BenchmarkExtractors/$n" '$1 == n { for (i = 1; i < NF; i++) if ($(i + 1) == "B/page") print $i }' "$out/bench.txt")"; done
echo
printf '| peak RSS, typical page (KiB) |'
for n in "${names[@]}"; do printf ' %s |' "$(awk -v n="$n" '$1 == n {print $2}' "$out/rss.txt")"; done
echo
printf '| start-up, tiny page, ms per process |'
for n in "${names[@]}"; do printf ' %s |' "$(awk -v n="$n" '$1 == n {print $2}' "$out/startup.txt")"; done
echo
for set in readability trafilatura; do
	printf '| one process per page, pages/s (%s set) |' "$set"
	for n in "${names[@]}"; do printf ' %s |' "$(field "$n" pages/s "$out/score-$n-$set.txt")"; done
	echo
done
