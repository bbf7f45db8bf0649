#!/usr/bin/env bash
# Builds what the real-Kubernetes test lane needs, on a fresh machine (10 to 35 minutes on 2 cores) or
# again (seconds): the Docker engine, registry and images of scripts/setup-docker.sh, the Debian packages
# the cluster runs on (etcd, CNI plugins, kubectl), and Kubernetes 1.20.2 server binaries built from
# Debian's kubernetes source package (the only Kubernetes Debian has).
#
# The Kubernetes build is cached in $FLOWS_K8S_BUILD (default /var/cache/flows-k8s: outside /tmp, so a
# later CI run on the same machine finds it). Only bin/ (the four server binaries) and pause.c are kept
# after a build; the source tree and Go cache are removed. A machine that has the shared test bed's
# build (/tmp/k8s, ../shared/testbed) seeds the cache from it instead of building.
# Prints the folder of the binaries (K8S_BIN for up.sh). Root (it installs packages and starts dockerd).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${FLOWS_K8S_BUILD:-/var/cache/flows-k8s}
SEED=${FLOWS_K8S_SEED:-/tmp/k8s/kubernetes-1.20.2}
SERVERS="kube-apiserver kube-controller-manager kube-scheduler kubelet"
say() { echo "cluster/build: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  exec sudo --preserve-env=FLOWS_K8S_BUILD,FLOWS_K8S_SEED "$0" "$@"
fi

# 1. Docker engine (oom-clamp runtime), registry on 127.0.0.1:5000, busybox and the .NET base image.
bash "$REPO/scripts/setup-docker.sh" >&2

# 2. What the cluster runs on, from Debian.
need=()
for p in etcd-server containernetworking-plugins iproute2 openssl gcc libc6-dev curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 3. Kubernetes 1.20.2 server binaries, cached.
built() { for b in $SERVERS; do [ -x "$1/bin/$b" ] || return 1; done; [ -f "$1/pause.c" ]; }
mkdir -p "$CACHE"
if ! built "$CACHE"; then
  mkdir -p "$CACHE/bin"
  if [ -x "$SEED/_output/bin/kubelet" ] && [ -f "$SEED/build/pause/linux/pause.c" ]; then
    say "copying the Kubernetes binaries of $SEED into $CACHE"
    for b in $SERVERS; do cp "$SEED/_output/bin/$b" "$CACHE/bin/$b"; done
    cp "$SEED/build/pause/linux/pause.c" "$CACHE/pause.c"
  else
    say "building Kubernetes 1.20.2 from Debian's source package (10 to 35 minutes on 2 cores; log: $CACHE/make.log)"
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/flows-src.sources
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go rsync dpkg-dev make >/dev/null
    work=$CACHE/src
    rm -rf "$work"; mkdir -p "$work"; cd "$work"
    apt-get source -qq --download-only kubernetes >/dev/null
    dpkg-source -x kubernetes_*.dsc kubernetes >/dev/null
    cd kubernetes
    export GO111MODULE=off GOFLAGS=-mod=vendor GOCACHE=$work/gocache
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubelet" > "$CACHE/make.log" 2>&1 \
      || { tail -30 "$CACHE/make.log" >&2; exit 1; }
    for b in $SERVERS; do cp "_output/bin/$b" "$CACHE/bin/$b"; done
    cp build/pause/linux/pause.c "$CACHE/pause.c"
    cd "$CACHE"; rm -rf "$work"
  fi
fi
echo "$CACHE/bin"
