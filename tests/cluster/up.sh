#!/usr/bin/env bash
# A real single-node Kubernetes 1.20.2 on loopback only: etcd (Debian etcd-server), kube-apiserver,
# kube-controller-manager, kube-scheduler and a kubelet on the local Docker engine (dockershim), from
# the binaries that build.sh makes (which it runs first: it also starts dockerd and the registry).
# Adapted from the workplace's shared test bed (../shared/testbed).
# Facts this sandbox forces (see tests/cluster/README.md): the node is named localhost and the API server reaches the
# kubelet by that name; pods get an eth0 (dummy or empty bridge) with a 127.200.x.y address from flows-dummy-cni (the
# kubelet kills a pod sandbox that has no IP); negative oom_score_adj is forbidden, so dockerd runs
# runc through runc-oom-clamp (scripts/setup-docker.sh); the service range is 127.10.0.0/24.
# Usage: up.sh            prints the admin kubeconfig path (export KUBECONFIG=<it>).
# Idempotent: starts only the components that are not running (their PID files are in $FLOWS_K8S_STATE,
# default /tmp/flows-k8s), so it also restarts one that was stopped. One cluster per machine (fixed ports
# 6443, 2379, 2380, 10250...): a cluster already up with the same state folder is reused.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
S=${FLOWS_K8S_STATE:-/tmp/flows-k8s}
# build.sh first (seconds when its cache is there): Docker engine, registry, packages, the binaries.
K8S_BIN=${K8S_BIN:-$(bash "$HERE/build.sh")}
for b in kube-apiserver kube-controller-manager kube-scheduler kubelet; do
  [ -x "$K8S_BIN/$b" ] || { echo "up.sh: $K8S_BIN/$b is missing: run tests/cluster/build.sh first." >&2; exit 1; }
done
export FLOWS_CNI_STATE=${FLOWS_CNI_STATE:-$S/cni-ipam}   # flows-dummy-cni's address book (the kubelet passes its environment on)
mkdir -p "$S"/{pki,etcd,logs,pids,kubelet,cni/net.d,manifests}
cd "$S/pki"

if [ ! -f ca.crt ]; then
  openssl genrsa -out ca.key 2048 2>/dev/null
  openssl req -x509 -new -nodes -key ca.key -subj "/CN=flows-test-ca" -days 3650 -out ca.crt 2>/dev/null
  cat > apiserver.cnf <<'EOF'
[req]
distinguished_name=dn
[dn]
[ext]
subjectAltName=IP:127.0.0.1,IP:127.10.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
EOF
  openssl genrsa -out apiserver.key 2048 2>/dev/null
  openssl req -new -key apiserver.key -subj "/CN=kube-apiserver" -out apiserver.csr 2>/dev/null
  openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile apiserver.cnf -extensions ext -out apiserver.crt 2>/dev/null
  openssl genrsa -out admin.key 2048 2>/dev/null
  openssl req -new -key admin.key -subj "/CN=admin/O=system:masters" -out admin.csr 2>/dev/null
  openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -out admin.crt 2>/dev/null
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
fi
# The kubelet's own identity, so that the Node authorizer and NodeRestriction judge what it may read and write.
if [ ! -f kubelet.crt ]; then
  openssl genrsa -out kubelet.key 2048 2>/dev/null
  openssl req -new -key kubelet.key -subj "/CN=system:node:localhost/O=system:nodes" -out kubelet.csr 2>/dev/null
  openssl x509 -req -in kubelet.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -out kubelet.crt 2>/dev/null
fi

cd "$S"
kubeconfig() { # file, user (its certificate and key are pki/<user>.crt and .key)
  cat > "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: flows-test
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: $S/pki/ca.crt
users:
- name: $2
  user:
    client-certificate: $S/pki/$2.crt
    client-key: $S/pki/$2.key
contexts:
- name: flows-test
  context: {cluster: flows-test, user: $2, namespace: default}
current-context: flows-test
EOF
}
KC=$S/admin.kubeconfig
KUBELET_KC=$S/kubelet.kubeconfig
kubeconfig "$KC" admin
kubeconfig "$KUBELET_KC" kubelet

running() { # alive and not a zombie (a killed daemon whose parent has gone may linger as one)
  local pid; pid=$(cat "$S/pids/$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null
}
start() { # name, then command
  local name=$1; shift
  if running "$name"; then return 0; fi
  setsid nohup "$@" > "$S/logs/$name.log" 2>&1 < /dev/null &   # own session: outlives the caller
  echo $! > "$S/pids/$name"
}

# A lane an older up.sh started (AlwaysAllow, the kubelet as admin) is restarted under Node,RBAC authorization.
if running kube-apiserver && ! tr '\0' ' ' < "/proc/$(cat "$S/pids/kube-apiserver")/cmdline" | grep -q -- '--authorization-mode=Node,RBAC'; then
  for c in kubelet kube-apiserver; do kill "$(cat "$S/pids/$c")" 2>/dev/null || true; done
  for i in $(seq 20); do running kube-apiserver || running kubelet || break; sleep 0.5; done
  for c in kubelet kube-apiserver; do running "$c" && kill -9 "$(cat "$S/pids/$c")" 2>/dev/null || true; done   # 1.20 can hang on SIGTERM
  sleep 1
fi

# pause image, from the Kubernetes source's pause.c, compiled statically
if ! docker image inspect local/pause:3.2 >/dev/null 2>&1; then
  src=${K8S_PAUSE_SRC:-$(dirname "$K8S_BIN")/pause.c}   # from the Kubernetes source (build.sh keeps it)
  d=$(mktemp -d); mkdir -p "$d/root"
  gcc -Os -static -DVERSION=v3.2-flows -o "$d/root/pause" "$src"
  tar -C "$d/root" -c . | docker import -c 'ENTRYPOINT ["/pause"]' - local/pause:3.2 >/dev/null
  rm -rf "$d"
fi

mkdir -p "$S/cni/bin"
cp "$HERE/flows-dummy-cni" "$S/cni/bin/flows-dummy"
cp /usr/lib/cni/loopback "$S/cni/bin/loopback"   # the kubelet sets up each pod's lo with it
rm -f "$S/cni/net.d/10-loopback.conf"
cat > "$S/cni/net.d/10-flows.conflist" <<'EOF'
{ "cniVersion": "0.3.1", "name": "flows-loopback", "plugins": [ { "type": "flows-dummy" } ] }
EOF

start etcd etcd --name flows --data-dir "$S/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster flows=http://127.0.0.1:2380
for i in $(seq 50); do curl -fs http://127.0.0.1:2379/health >/dev/null 2>&1 && break; sleep 0.2; done

start kube-apiserver "$K8S_BIN/kube-apiserver" \
  --etcd-servers=http://127.0.0.1:2379 --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
  --secure-port=6443 --insecure-port=0 --tls-cert-file=pki/apiserver.crt --tls-private-key-file=pki/apiserver.key \
  --client-ca-file=pki/ca.crt --service-account-key-file=pki/sa.pub --service-account-signing-key-file=pki/sa.key \
  --service-account-issuer=https://kubernetes.default.svc --service-cluster-ip-range=127.10.0.0/24 \
  --authorization-mode=Node,RBAC --allow-privileged=true \
  --kubelet-preferred-address-types=Hostname --kubelet-client-certificate=pki/admin.crt --kubelet-client-key=pki/admin.key --enable-admission-plugins=NamespaceLifecycle,ServiceAccount,NodeRestriction,DefaultStorageClass,ResourceQuota
for i in $(seq 120); do curl -fsk --cacert pki/ca.crt --cert pki/admin.crt --key pki/admin.key https://127.0.0.1:6443/readyz >/dev/null 2>&1 && break; sleep 0.5; done

start kube-controller-manager "$K8S_BIN/kube-controller-manager" --kubeconfig="$KC" --bind-address=127.0.0.1 \
  --leader-elect=false --service-account-private-key-file=pki/sa.key --root-ca-file=pki/ca.crt \
  --use-service-account-credentials=false --controllers='*,-nodeipam,-service,-route,-cloud-node-lifecycle' \
  --port=0
start kube-scheduler "$K8S_BIN/kube-scheduler" --kubeconfig="$KC" --leader-elect=false --bind-address=127.0.0.1 --port=0
start kubelet "$K8S_BIN/kubelet" --kubeconfig="$KUBELET_KC" --container-runtime=docker \
  --pod-infra-container-image=local/pause:3.2 --network-plugin=cni --cni-conf-dir="$S/cni/net.d" \
  --cni-bin-dir="$S/cni/bin" --cgroup-driver=cgroupfs --fail-swap-on=false --address=127.0.0.1 \
  --hostname-override=localhost --root-dir="$S/kubelet" --cert-dir="$S/kubelet/pki" \
  --healthz-bind-address=127.0.0.1 --read-only-port=0 --anonymous-auth=false --authorization-mode=Webhook \
  --client-ca-file="$S/pki/ca.crt" --cluster-dns=127.10.0.10 --cluster-domain=cluster.local \
  --eviction-hard='memory.available<100Mi' --image-gc-high-threshold=100 --image-gc-low-threshold=99

K="kubectl --kubeconfig=$KC"
for i in $(seq 120); do
  $K get node localhost -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -q True && break
  sleep 1
done
for i in $(seq 60); do $K get serviceaccount default >/dev/null 2>&1 && break; sleep 1; done
$K get node localhost >/dev/null
echo "$KC"
