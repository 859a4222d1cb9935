#!/usr/bin/env bash
# Container HEALTHCHECK: healthy when the service's readiness group answers 200, on the management port
# (management.server.port, which the gateway never routes; the console's too, 8185).
# Uses bash's /dev/tcp so the runtime image needs neither curl nor wget. HEALTH_PATH only if a service
# ever serves its readiness group elsewhere than /actuator/health/readiness.
set -eu
port="${MANAGEMENT_PORT:?MANAGEMENT_PORT is not set}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${HEALTH_PATH:-/actuator/health/readiness}" >&3
IFS= read -r -t 5 status <&3
case "$status" in
  *" 200 "*|*" 200") exit 0 ;;
  *) exit 1 ;;
esac
