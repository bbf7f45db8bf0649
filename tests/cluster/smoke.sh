#!/usr/bin/env bash
# Proves the lane's cluster (tests/cluster/up.sh) is real: a Job runs to Complete and its log is readable; a two-container pod
# shares an emptyDir (the seed 002 example); a broken image reports ErrImagePull/ImagePullBackOff.
set -uo pipefail
export KUBECONFIG=${KUBECONFIG:-/tmp/flows-k8s/admin.kubeconfig}
IMG=${SMOKE_IMAGE:-localhost:5000/busybox:1}
ok=0; bad=0
pass() { echo "PASS $*"; ok=$((ok+1)); }
fail() { echo "FAIL $*"; bad=$((bad+1)); }
ns=smoke-$RANDOM
kubectl create namespace $ns >/dev/null
kubectl -n $ns create -f - >/dev/null <<EOF2
apiVersion: batch/v1
kind: Job
metadata: {name: hello}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: $IMG, command: ["/bin/sh","-c","echo hello-from-job"]}
---
apiVersion: v1
kind: Pod
metadata: {name: shared}
spec:
  restartPolicy: Never
  volumes: [{name: shared-data, emptyDir: {medium: Memory}}]
  containers:
  - name: primary
    image: $IMG
    command: ["/bin/sh","-c","while [ ! -f /data/message.txt ]; do sleep 1; done; cat /data/message.txt"]
    volumeMounts: [{name: shared-data, mountPath: /data}]
  - name: secondary
    image: $IMG
    command: ["/bin/sh","-c","echo hi sidecar world > /data/message.txt; sleep 3600"]
    volumeMounts: [{name: shared-data, mountPath: /data}]
---
apiVersion: v1
kind: Pod
metadata: {name: badimage}
spec:
  restartPolicy: Never
  containers:
  - {name: main, image: "localhost:5000/does-not-exist:1"}
EOF2
kubectl -n $ns wait --for=condition=complete job/hello --timeout=90s >/dev/null && pass "job completes" || fail "job completes"
[ "$(kubectl -n $ns logs job/hello 2>&1)" = "hello-from-job" ] && pass "job log readable" || fail "job log: $(kubectl -n $ns logs job/hello 2>&1 | head -1)"
for i in $(seq 60); do
  st=$(kubectl -n $ns get pod shared -o jsonpath='{.status.containerStatuses[?(@.name=="primary")].state.terminated.exitCode}')
  [ -n "$st" ] && break; sleep 1
done
[ "$st" = "0" ] && pass "primary ends while sidecar runs" || fail "primary state: $st"
[ "$(kubectl -n $ns logs shared -c primary 2>&1)" = "hi sidecar world" ] && pass "shared emptyDir" || fail "shared emptyDir"
[ "$(kubectl -n $ns get pod shared -o jsonpath='{.status.phase}')" = "Running" ] && pass "pod still Running (pre-1.29 sidecar trap reproduced)" || fail "pod phase: $(kubectl -n $ns get pod shared -o jsonpath={.status.phase})"
[ -n "$(kubectl -n $ns get pod shared -o jsonpath='{.status.podIP}')" ] && pass "pod has an IP" || fail "pod has no IP (the kubelet will kill it)"
sleep 35
[ "$(kubectl -n $ns get pod shared -o jsonpath='{.status.phase}')" = "Running" ] && pass "sidecar still Running 35 s later" || fail "sidecar pod killed: $(kubectl -n $ns get pod shared -o jsonpath={.status.phase})"
for i in $(seq 60); do
  r=$(kubectl -n $ns get pod badimage -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}')
  case "$r" in ErrImagePull|ImagePullBackOff) break;; esac; sleep 1
done
case "$r" in ErrImagePull|ImagePullBackOff) pass "bad image reported: $r";; *) fail "bad image reason: $r";; esac
kubectl delete namespace $ns --wait=false >/dev/null
echo "$ok passed, $bad failed"
[ $bad -eq 0 ]
