#!/usr/bin/env bash
# One-shot (compose service kafka-init, first step): creates every topic of topics.txt on the 3-broker
# cluster, idempotently (--if-not-exists), as the super user admin; then create-users-and-acls.sh gives
# every principal of acls.txt its credential and ACLs. The services start only after both succeeded.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
TOPICS_FILE="${TOPICS_FILE:-/topics.txt}"
PARTITIONS="${PARTITIONS:-6}"
REPLICAS="${REPLICAS:-3}"
MIN_ISR="${MIN_ISR:-2}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
# the brokers want SASL/SCRAM: as the super user admin (the only one allowed to create topics)
ADMIN_CONFIG="${ADMIN_CONFIG:-/tmp/kafka-admin.properties}"
: "${KAFKA_ADMIN_PASSWORD:?}"
umask 077
cat >"$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES

echo "waiting for the brokers at $BOOTSTRAP"
for attempt in $(seq 1 60); do
  if "$KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" >/dev/null 2>&1; then
    break
  fi
  if [ "$attempt" -eq 60 ]; then
    echo "brokers not reachable after 60 attempts" >&2
    exit 1
  fi
  sleep 2
done

while read -r topic policy _; do
  case "$topic" in ''|'#'*) continue ;; esac
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICAS" \
    --config "cleanup.policy=$policy" --config "min.insync.replicas=$MIN_ISR"
  echo "topic $topic ($policy) ready"
done < "$TOPICS_FILE"
echo "all topics ready"
