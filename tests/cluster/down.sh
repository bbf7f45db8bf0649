#!/usr/bin/env bash
# The real-Kubernetes lane's cluster (tests/cluster/up.sh): stops what up.sh started (by its PID files) and removes the pod containers the kubelet left.
# Leaves dockerd and the registry running. Pass --wipe to also delete the cluster's state (etcd data, certs).
set -uo pipefail
S=${FLOWS_K8S_STATE:-/tmp/flows-k8s}
for n in kubelet kube-scheduler kube-controller-manager kube-apiserver etcd; do
  f=$S/pids/$n
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then kill "$(cat "$f")"; fi
  for i in $(seq 50); do { [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; } || break; sleep 0.2; done
  # kube-apiserver 1.20 can hang on SIGTERM with its port closed: don't leave it behind
  if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then kill -KILL "$(cat "$f")"; fi
  rm -f "$f"
done
docker ps -aq --filter label=io.kubernetes.pod.name | xargs -r docker rm -f >/dev/null 2>&1
mount | awk -v s="$S/kubelet" '$3 ~ "^"s {print $3}' | sort -r | xargs -r -n1 umount 2>/dev/null
if [ "${1:-}" = "--wipe" ]; then rm -rf "$S"; fi
echo stopped
