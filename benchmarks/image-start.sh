#!/usr/bin/env bash
# How fast a Flows image starts: builds the Docker storage fixture's image once (its own `build` command,
# on the default base localhost:5000/flows/dotnet-deps:1), prints its size, then runs N containers of it
# and, interleaved in the same run, N busybox `true` containers as the baseline, and prints the medians of:
#   flow image:  container start (State.StartedAt) -> first task "Running" (the timestamp the flow prints)
#                container start -> exit (State.FinishedAt), the whole flow run
#   baseline:    busybox `true` container start -> exit (what the engine and runc cost by themselves)
# Needs the engine and registry of scripts/setup-docker.sh. Usage: benchmarks/image-start.sh [runs=15]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-15}
DOCKER=/usr/bin/docker; [ -x "$DOCKER" ] || DOCKER=docker
APP=tests/Flows.Storage.Tests/Fixtures/StorageApp
FLOW=storage-succeeds
BASELINE=localhost:5000/busybox:1

echo "building the fixture application and its image (dotnet build, then its 'build --flow $FLOW') ..." >&2
dotnet build "$APP" -c Debug --nologo -v q -clp:NoSummary >&2
IMAGE=$(dotnet "$APP/bin/Debug/net10.0/StorageApp.dll" build --flow "$FLOW" 2>/dev/null | sed -n 's/^image: //p')
[ -n "$IMAGE" ] || { echo "error: the image build failed; run: dotnet $APP/bin/Debug/net10.0/StorageApp.dll build --flow $FLOW" >&2; exit 1; }
size() { "$DOCKER" image inspect --format '{{.Size}}' "$1"; }

# One container: prints "<start->first task s> <start->exit s>" (the first empty for the baseline).
run_once() { # image, then the container's arguments
  local image=$1; shift
  local id out
  id=$("$DOCKER" create --network none "$image" "$@")
  out=$("$DOCKER" start -a "$id" 2>&1 || true)
  local times
  times=$("$DOCKER" inspect --format '{{.State.StartedAt}} {{.State.FinishedAt}}' "$id")
  "$DOCKER" rm -f "$id" >/dev/null
  python3 - "$times" "$out" <<'PY'
import re, sys
from datetime import datetime
def seconds_of_day(text):  # "2024-01-01T12:34:56.123456789Z" or "12:34:56.123"
    t = re.search(r"(\d\d):(\d\d):(\d\d)(\.\d+)?", text)
    return int(t[1]) * 3600 + int(t[2]) * 60 + int(t[3]) + float(t[4] or 0)
started, finished = sys.argv[1].split()
start = seconds_of_day(started)
total = (seconds_of_day(finished) - start) % 86400
first = re.search(r"^(\d\d:\d\d:\d\d\.\d{3})\s+\S+\s+Running\b", sys.argv[2], re.M)
to_first = "" if not first else "%.4f" % ((seconds_of_day(first[1]) - start) % 86400)
print(to_first or "-", "%.4f" % total)
PY
}

flow_first=(); flow_total=(); base_total=()
for i in $(seq "$RUNS"); do
  read -r first total < <(run_once "$IMAGE" run --flow "$FLOW")
  [ "$first" != "-" ] || { echo "error: run $i printed no task 'Running' line" >&2; exit 1; }
  flow_first+=("$first"); flow_total+=("$total")
  read -r _ total < <(run_once "$BASELINE" true)
  base_total+=("$total")
done

median_ms() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.0f ms", m * 1000}'; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1000000}'; }

echo "image:            $IMAGE"
echo "image size:       $(mb "$(size "$IMAGE")") (base $(mb "$(size localhost:5000/flows/dotnet-deps:1)"), busybox $(mb "$(size "$BASELINE")"))"
echo "runs:             $RUNS each, interleaved; medians"
echo "flow image:       start -> first task Running  $(median_ms "${flow_first[@]}")"
echo "flow image:       start -> exit (whole run)   $(median_ms "${flow_total[@]}")"
echo "baseline busybox: start -> exit ('true')      $(median_ms "${base_total[@]}")"
