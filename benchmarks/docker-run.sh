#!/usr/bin/env bash
# The same short container run N times through Flows.Docker (create, start, wait, logs, remove) and
# through `docker run --rm`, interleaved in one process, and the ratio of their medians.
# Needs the engine of scripts/setup-docker.sh. Usage: benchmarks/docker-run.sh [runs=20] [docker-url]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Flows.Docker.Benchmarks/Flows.Docker.Benchmarks.csproj -- "$@"
