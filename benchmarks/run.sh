#!/usr/bin/env bash
# Generator time for a 1,000-task flow, and the runner's per-task overhead against direct calls, measured in one process.
# Usage: benchmarks/run.sh [taskCount=1000] [generatorRuns=10] [flowRuns=30]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Flows.Benchmarks/Flows.Benchmarks.csproj -- "$@"
