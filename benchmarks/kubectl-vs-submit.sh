#!/usr/bin/env bash
# The seed 001 flow (samples/HelloFlow) on the lane's real cluster, N times each, interleaved in one run:
#   flows:   HelloFlow submit --follow (create, watch, stream the log, delete), as a user runs it
#   kubectl: kubectl create -f <the same rendered Job> + kubectl wait --for=condition=complete + kubectl logs
# For each: the time from the start of the command to the pod Running (as a watch on the pod sees it, the same
# watcher for both) and to the end of the command; the medians and the ratio flows/kubectl.
# Needs the cluster of tests/cluster/up.sh (KUBECONFIG, default /tmp/flows-k8s/admin.kubeconfig).
# Usage: benchmarks/kubectl-vs-submit.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
export KUBECONFIG=${KUBECONFIG:-/tmp/flows-k8s/admin.kubeconfig}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
FLOW='Kubernetes Job Environment w/ Resource Requests & Limits'
kubectl get --raw /readyz >/dev/null || { echo "no cluster at $KUBECONFIG: export KUBECONFIG=\$(bash tests/cluster/up.sh)" >&2; exit 1; }

dotnet build samples/HelloFlow -c Release --nologo -v q -clp:NoSummary >/dev/null
APP="dotnet samples/HelloFlow/bin/Release/net10.0/HelloFlow.dll"
IMAGE=$($APP build --push 2>/dev/null | sed -n 's/^pushed: //p')
[ -n "$IMAGE" ] || { echo "HelloFlow build --push printed no image" >&2; exit 1; }
NS=bench-$RANDOM$RANDOM
kubectl create namespace "$NS" >/dev/null
for _ in $(seq 60); do kubectl -n "$NS" get serviceaccount default >/dev/null 2>&1 && break; sleep 0.5; done
WORK=$(mktemp -d)
trap 'kubectl delete namespace "$NS" --wait=false >/dev/null 2>&1; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# Writes "<time> <phase>" for each phase a watch on the run's pod sees into $1, until killed.
watch_phases() { # file, identifier
  kubectl -n "$NS" get pods -l "identifier=$2" -w -o jsonpath='{.status.phase}{"\n"}' 2>/dev/null \
    | while read -r phase; do echo "$(now) $phase"; done > "$1"
}
set -m   # each background job in a process group of its own, so that the watcher can be stopped as a whole
measure() { # kind, run index: prints "<to-running> <to-end>"
  local kind=$1 i=$2 id="bench-$1-$i-$RANDOM" start end running watcher
  local identifier; identifier=$($APP render --flow-run-id "$id" --image "$IMAGE" | sed -n 's/^    identifier: //p' | head -1)
  if [ "$kind" = kubectl ]; then $APP render --flow-run-id "$id" --image "$IMAGE" > "$WORK/$id.yaml"; fi
  watch_phases "$WORK/$id.phases" "$identifier" & watcher=$!
  sleep 0.5   # the watch is established before the command starts
  start=$(now)
  if [ "$kind" = flows ]; then
    $APP submit --follow --flow-run-id "$id" --namespace "$NS" --image "$IMAGE" > "$WORK/$id.out" 2> "$WORK/$id.err"
  else
    job=$(kubectl -n "$NS" create -f "$WORK/$id.yaml" -o name)
    kubectl -n "$NS" wait --for=condition=complete "$job" --timeout=120s >/dev/null
    kubectl -n "$NS" logs "$job" > "$WORK/$id.out"
  fi
  end=$(now)
  grep -qx 'Example!' "$WORK/$id.out" || { echo "$kind run $i: no 'Example!' in the log" >&2; cat "$WORK/$id.out" "$WORK/$id".err >&2 2>/dev/null; exit 1; }
  sleep 0.3
  kill -- "-$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  running=$(awk '$2 == "Running" || $2 == "Succeeded" {print $1; exit}' "$WORK/$id.phases")
  [ -n "$running" ] || { echo "$kind run $i: the watch never saw the pod Running" >&2; cat "$WORK/$id.phases" >&2; exit 1; }
  [ "$kind" = kubectl ] && kubectl -n "$NS" delete jobs,pods -l "identifier=$identifier" --wait=false >/dev/null
  # The next run starts on an empty node: a pod still terminating holds its CPU request (1 of the node's 2).
  kubectl -n "$NS" wait --for=delete pods -l "identifier=$identifier" --timeout=120s >/dev/null 2>&1 || true
  echo "$(calc "$running - $start") $(calc "$end - $start")"
}
calc() { awk "BEGIN {print $*}"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "image $IMAGE, namespace $NS, $RUNS runs each, interleaved (server $(kubectl version -o json 2>/dev/null | jq -r .serverVersion.gitVersion))"
printf '%-8s %-4s %12s %12s\n' tool run to-running to-end
for i in $(seq "$RUNS"); do
  for kind in kubectl flows; do
    measure "$kind" "$i" > "$WORK/measured"
    read -r r e < "$WORK/measured"
    printf '%-8s %-4s %11.2fs %11.2fs\n' "$kind" "$i" "$r" "$e"
    echo "$r" >> "$WORK/$kind.running"; echo "$e" >> "$WORK/$kind.end"
  done
done
kr=$(median < "$WORK/kubectl.running"); ke=$(median < "$WORK/kubectl.end")
fr=$(median < "$WORK/flows.running"); fe=$(median < "$WORK/flows.end")
echo
printf 'median   kubectl: to Running %.2fs, to end %.2fs (create -f + wait --for=condition=complete + logs)\n' "$kr" "$ke"
printf 'median   flows:   to Running %.2fs, to end %.2fs (submit --follow: create, watch, log, delete)\n' "$fr" "$fe"
printf 'ratio    flows/kubectl: to Running %.3f, to end %.3f (overhead %+.1f%%)\n' \
  "$(calc "$fr / $kr")" "$(calc "$fe / $ke")" "$(calc "($fe / $ke - 1) * 100")"
