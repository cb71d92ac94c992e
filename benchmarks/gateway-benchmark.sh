#!/usr/bin/env bash
# Starts the default run (authorization server, sandbox, gateway), runs GatewayBenchmark against it with the
# arguments given, and stops the platform again, also when the benchmark fails. From the repository root, after
# building the jar (benchmarks/README.md):
#
#   benchmarks/gateway-benchmark.sh [GatewayBenchmark options]
#
# The platform's output goes to benchmarks/target/gateway-benchmark-platform.log. PLATFORM_JAVA_OPTIONS, when set,
# becomes JAVA_TOOL_OPTIONS of the launcher and so of all three servers (for experiments with JVM or Spring
# settings, -Dname=value); the benchmark's own JVM does not get it.
# With GATEWAY_PROFILE=DIR, the gateway is recorded with JFR from start to end (DIR/gateway.jfr), a thread dump is
# taken every 5 s (DIR/gateway-jstack-NN.txt), and its Prometheus metrics are saved at the end
# (DIR/gateway-metrics.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
log=benchmarks/target/gateway-benchmark-platform.log
mkdir -p benchmarks/target
profile=${GATEWAY_PROFILE:-}

# The launcher is started from its class path rather than through spring-boot:run, so that this script knows its
# process group and stops exactly what it started. It needs only SLF4J and Logback, which the gateway's class path
# file lists.
mvn -B -ntp -q -pl platform -am compile
# a session of its own, so that stopping it stops exactly what it started
JAVA_TOOL_OPTIONS=${PLATFORM_JAVA_OPTIONS:-${JAVA_TOOL_OPTIONS:-}} \
	setsid java -cp "platform/target/classes:$(cat resource-gateway/target/runtime-classpath.txt)" \
	com.consentry.platform.PlatformLauncher >"$log" 2>&1 &
platform=$!
stop() {
	kill -TERM -- "-$platform" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 -- "-$platform" 2>/dev/null || return 0
		sleep 1
	done
	kill -KILL -- "-$platform" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 240); do
	if grep -q "Consentry platform is up" "$log"; then
		break
	fi
	if ! kill -0 "$platform" 2>/dev/null; then
		echo "The platform stopped while starting; see $log" >&2
		exit 1
	fi
	sleep 1
done
grep -q "Consentry platform is up" "$log" || { echo "The platform did not start within 240 s; see $log" >&2; exit 1; }

if [ -n "$profile" ]; then
	mkdir -p "$profile"
	profile=$(realpath "$profile")
	gateway=$(pgrep -s "$platform" -f com.consentry.gateway.ResourceGatewayApplication | head -1)
	jcmd "$gateway" JFR.start name=bench settings=profile >/dev/null
	( for i in $(seq -w 1 40); do sleep 5; jstack "$gateway" >"$profile/gateway-jstack-$i.txt" 2>/dev/null || exit 0; done ) &
	sampler=$!
fi

java -cp benchmarks/target/benchmarks.jar com.consentry.benchmarks.GatewayBenchmark "$@"

if [ -n "$profile" ]; then
	kill "$sampler" 2>/dev/null || true
	jcmd "$gateway" JFR.dump name=bench filename="$profile/gateway.jfr" >/dev/null || true
	curl -s http://127.0.0.1:8081/actuator/prometheus >"$profile/gateway-metrics.txt" || true
fi
