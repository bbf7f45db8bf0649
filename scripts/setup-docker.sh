#!/usr/bin/env bash
# A real Docker engine for Flows.Docker, its tests, the DockerPipeline sample and the benchmark, from
# Debian's packages, on loopback only:
#   dockerd on unix:///var/run/docker.sock and tcp://127.0.0.1:2375 (the dind sidecar's address in the
#     seed 000 job spec), with no bridge and no iptables (no network here: containers use
#     --network none or the host network), and runc wrapped by runc-oom-clamp, the same flags as the
#     Kubernetes test bed (shared/testbed/build.sh), so either script can start the engine for both;
#   a registry on 127.0.0.1:5000 holding localhost:5000/busybox:1, made with `docker import` from
#     Debian's static busybox, and localhost:5000/flows/dotnet-deps:1, the default base of Docker
#     storage images: that busybox plus the host's shared libraries a self-contained .NET app needs.
# Idempotent: run it on a fresh machine (nothing but the .NET SDK) or again; it starts only what is
# not already up. State and logs: $FLOWS_DOCKER_STATE (default /tmp/flows-docker).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
STATE=${FLOWS_DOCKER_STATE:-/tmp/flows-docker}
SOCKET=/var/run/docker.sock
TCP_PORT=${FLOWS_DOCKER_TCP_PORT:-2375}   # where the seed 000 flow finds its dind sidecar
REGISTRY=127.0.0.1:5000
IMAGE=localhost:5000/busybox:1

say() { echo "setup-docker: $*"; }
fail() { echo "setup-docker: error: $*" >&2; exit 1; }
wait_for() { # tries, then a command
  local tries=$1; shift
  for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}

if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "run as root (it installs Debian packages and starts dockerd)."
  exec sudo --preserve-env=FLOWS_DOCKER_STATE,FLOWS_DOCKER_TCP_PORT "$0" "$@"
fi
mkdir -p "$STATE"

# 1. Debian packages (apt-get update only when something is missing).
need=()
for p in docker.io docker-registry busybox-static jq curl socat; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
DOCKER=/usr/bin/docker   # Debian's client, matching its engine (another docker may come first on PATH)
[ -x "$DOCKER" ] || DOCKER=docker

# 2. The engine: the test bed's flags, plus a loopback tcp listener.
install -m 0755 "$HERE/docker/runc-oom-clamp" /usr/local/sbin/runc-oom-clamp
if ! "$DOCKER" -H "unix://$SOCKET" version >/dev/null 2>&1; then
  say "starting dockerd (log: $STATE/dockerd.log)"
  setsid nohup dockerd --bridge=none --iptables=false --ip-masq=false \
    --add-runtime clamp=/usr/local/sbin/runc-oom-clamp --default-runtime clamp \
    -H "unix://$SOCKET" -H "tcp://127.0.0.1:$TCP_PORT" \
    > "$STATE/dockerd.log" 2>&1 < /dev/null &
  wait_for 120 "$DOCKER" -H "unix://$SOCKET" version \
    || { tail -20 "$STATE/dockerd.log" >&2; fail "dockerd did not come up within 60 s (log above)."; }
fi
if [ "$("$DOCKER" -H "unix://$SOCKET" info --format '{{.DefaultRuntime}}' 2>/dev/null)" != clamp ]; then
  say "warning: the running dockerd does not use the runc-oom-clamp runtime; Flows.Docker works with it,"
  say "         but the Kubernetes test bed's pods will not start. Stop that dockerd and run this again."
fi
# A dockerd started elsewhere (the test bed's build.sh) listens on the socket only: forward the tcp port.
if ! "$DOCKER" -H "tcp://127.0.0.1:$TCP_PORT" version >/dev/null 2>&1; then
  say "forwarding tcp://127.0.0.1:$TCP_PORT to $SOCKET (socat)"
  setsid nohup socat "TCP-LISTEN:$TCP_PORT,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$SOCKET" \
    > "$STATE/socat.log" 2>&1 < /dev/null &
  wait_for 20 "$DOCKER" -H "tcp://127.0.0.1:$TCP_PORT" version \
    || fail "nothing answers on tcp://127.0.0.1:$TCP_PORT (see $STATE/socat.log)."
fi

# 3. The registry on loopback.
if ! curl -fs "http://$REGISTRY/v2/" >/dev/null 2>&1; then
  say "starting the registry on $REGISTRY (log: $STATE/registry.log)"
  mkdir -p "$STATE/registry"
  cat > "$STATE/registry/config.yml" <<CONFIG
version: 0.1
storage: {filesystem: {rootdirectory: $STATE/registry/data}}
http: {addr: $REGISTRY}
CONFIG
  setsid nohup docker-registry serve "$STATE/registry/config.yml" > "$STATE/registry.log" 2>&1 < /dev/null &
  wait_for 40 curl -fs "http://$REGISTRY/v2/" || fail "the registry did not come up (see $STATE/registry.log)."
fi

# 4. The busybox image (the test bed's, byte for byte), pushed to the registry.
busybox_rootfs() { # folder
  mkdir -p "$1/bin" "$1/tmp" "$1/etc"
  cp /bin/busybox "$1/bin/busybox"
  for a in sh echo cat sleep ls env true false test wc printf date mkdir rm touch grep head tail id hostname; do ln -s busybox "$1/bin/$a"; done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$1/etc/passwd"
}
if ! "$DOCKER" image inspect local/busybox:1 >/dev/null 2>&1; then
  say "making local/busybox:1 with docker import"
  d=$(mktemp -d); busybox_rootfs "$d"
  tar -C "$d" -c . | "$DOCKER" import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - local/busybox:1 >/dev/null
  rm -rf "$d"
fi
"$DOCKER" tag local/busybox:1 "$IMAGE"
"$DOCKER" push -q "$IMAGE" >/dev/null || fail "docker push $IMAGE failed."

# 5. The default base of Docker storage images (DockerStorageAttribute.DefaultBaseImage): busybox plus
#    the shared libraries that a self-contained .NET app published with InvariantGlobalization loads.
#    They are what ldd lists for .NET's native parts on this host (the apphost, libcoreclr, libclrjit,
#    libSystem.Native, ...: glibc's libc, libm, libdl, libpthread, librt and ld-linux, libgcc_s,
#    libstdc++), plus libssl and libcrypto, which .NET opens at run time for hashing and TLS (Flows
#    hashes the run id with SHA-256), and the CA bundle. No ICU (invariant globalization), no tzdata (UTC).
DEPS_IMAGE=localhost:5000/flows/dotnet-deps:1
dotnet_native_parts() { # the .NET binaries to ask ldd about, from the SDK on this machine
  local dotnet root
  dotnet=$(command -v dotnet || true)
  [ -n "$dotnet" ] || { [ -x /usr/share/dotnet/dotnet ] && dotnet=/usr/share/dotnet/dotnet; } || return 0
  root=$(dirname "$(readlink -f "$dotnet")")
  ls "$root"/packs/Microsoft.NETCore.App.Host.linux-x64/*/runtimes/linux-x64/native/apphost \
     "$root"/host/fxr/*/libhostfxr.so \
     "$root"/shared/Microsoft.NETCore.App/*/lib{hostpolicy,coreclr,clrjit,System.Native,System.IO.Compression.Native,System.Net.Security.Native,System.Security.Cryptography.Native.OpenSsl}.so 2>/dev/null || true
}
if ! "$DOCKER" image inspect "$DEPS_IMAGE" >/dev/null 2>&1; then
  say "making $DEPS_IMAGE with docker import"
  d=$(mktemp -d); busybox_rootfs "$d"
  libs=$( { dotnet_native_parts | xargs -r ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(0x/ {print $1}'
            for soname in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libgcc_s.so.1 libstdc++.so.6 libssl.so.3 libcrypto.so.3; do
              ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64/ {print $NF; exit}'
            done
            ls /lib64/ld-linux-x86-64.so.2; } | sort -u)
  for lib in $libs; do
    mkdir -p "$d$(dirname "$lib")"
    cp -L "$lib" "$d$lib"
  done
  [ -e "$d/lib64/ld-linux-x86-64.so.2" ] && [ -n "$(ls "$d"/*/*/libstdc++.so.6 2>/dev/null)" ] || fail "could not find glibc and libstdc++ on this host for $DEPS_IMAGE."
  printf '%s\n' $(for lib in $libs; do dirname "$lib"; done | sort -u) > "$d/etc/ld.so.conf"
  ldconfig -r "$d" 2>/dev/null || true
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then mkdir -p "$d/etc/ssl/certs"; cp /etc/ssl/certs/ca-certificates.crt "$d/etc/ssl/certs/"; fi
  tar -C "$d" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -c . \
    | "$DOCKER" import -c 'ENV PATH=/bin' -c 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' -c 'CMD ["/bin/sh"]' - "$DEPS_IMAGE" >/dev/null
  rm -rf "$d"
fi
"$DOCKER" push -q "$DEPS_IMAGE" >/dev/null || fail "docker push $DEPS_IMAGE failed."

say "ready: unix://$SOCKET, tcp://127.0.0.1:$TCP_PORT, registry $REGISTRY, images $IMAGE, $DEPS_IMAGE"
