#!/usr/bin/env bash
# Starts one combined broker+controller of the compose KRaft quorum with authentication and ACLs on:
#   CLIENT   :9092  SASL_PLAINTEXT, SCRAM-SHA-512: the services (one principal each, kafka/acls.txt), kafka-init
#   BROKER   :9094  SASL_PLAINTEXT, SCRAM-SHA-512: broker to broker, as the super user `admin`
#   CONTROLLER :9093 SASL_PLAINTEXT, PLAIN: the KRaft quorum (SCRAM cannot serve the controller listener, its
#                   credentials live in the metadata the controllers serve), as `admin`
#   EXTERNAL :$EXTERNAL_PORT SASL_PLAINTEXT, SCRAM-SHA-512: kcat from the host (127.0.0.1 only)
# StandardAuthorizer, super.users=User:admin, allow.everyone.if.no.acl.found=false: a principal without an ACL
# may do nothing. The admin's SCRAM credential is written into the metadata when the storage is formatted
# (kafka-storage format --add-scram), so the brokers can talk to each other before kafka-init runs.
#
#   broker.sh                 format the storage once, then run Kafka (the compose services kafka-1..3)
#   broker.sh --print-config  print the server.properties it would run with (KafkaAclTableIT starts a real
#                             broker from it: deploy/devstack)
#
# Settings (environment): NODE_ID and KAFKA_ADMIN_PASSWORD (required), CLUSTER_ID, QUORUM_VOTERS,
# ADVERTISED_HOST (kafka-$NODE_ID), BIND_HOST (all interfaces), CLIENT_PORT, CONTROLLER_PORT, BROKER_PORT,
# EXTERNAL_PORT (none: no EXTERNAL listener), LOG_DIRS, REPLICATION_FACTOR, MIN_ISR, PARTITIONS.
set -euo pipefail

: "${NODE_ID:?}" "${KAFKA_ADMIN_PASSWORD:?}"
CLUSTER_ID="${CLUSTER_ID:-eDpG4GQBRlS88AqAzJvyZA}"
QUORUM_VOTERS="${QUORUM_VOTERS:-1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093}"
ADVERTISED_HOST="${ADVERTISED_HOST:-kafka-$NODE_ID}"
BIND_HOST="${BIND_HOST:-}"
CLIENT_PORT="${CLIENT_PORT:-9092}"
CONTROLLER_PORT="${CONTROLLER_PORT:-9093}"
BROKER_PORT="${BROKER_PORT:-9094}"
EXTERNAL_PORT="${EXTERNAL_PORT:-}"
LOG_DIRS="${LOG_DIRS:-/var/lib/kafka/data}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
MIN_ISR="${MIN_ISR:-2}"
PARTITIONS="${PARTITIONS:-6}"
KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"

case "$KAFKA_ADMIN_PASSWORD" in
  *'"'*|*'\'*) echo "KAFKA_ADMIN_PASSWORD must not contain a quote or a backslash (it goes into a JAAS line)" >&2; exit 1 ;;
esac

config() {
  local listeners="CLIENT://$BIND_HOST:$CLIENT_PORT,CONTROLLER://$BIND_HOST:$CONTROLLER_PORT,BROKER://$BIND_HOST:$BROKER_PORT"
  local advertised="CLIENT://$ADVERTISED_HOST:$CLIENT_PORT,BROKER://$ADVERTISED_HOST:$BROKER_PORT"
  local protocols="CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT"
  if [[ -n "$EXTERNAL_PORT" ]]; then
    listeners="$listeners,EXTERNAL://$BIND_HOST:$EXTERNAL_PORT"
    advertised="$advertised,EXTERNAL://localhost:$EXTERNAL_PORT"
    protocols="$protocols,EXTERNAL:SASL_PLAINTEXT"
  fi
  local scram_server='org.apache.kafka.common.security.scram.ScramLoginModule required;'
  cat <<PROPERTIES
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=$QUORUM_VOTERS
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD" user_admin="$KAFKA_ADMIN_PASSWORD";
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
listener.name.client.scram-sha-512.sasl.jaas.config=$scram_server
listener.name.external.scram-sha-512.sasl.jaas.config=$scram_server
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=$LOG_DIRS
num.partitions=$PARTITIONS
default.replication.factor=$REPLICATION_FACTOR
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$REPLICATION_FACTOR
transaction.state.log.replication.factor=$REPLICATION_FACTOR
transaction.state.log.min.isr=$MIN_ISR
share.coordinator.state.topic.replication.factor=$REPLICATION_FACTOR
share.coordinator.state.topic.min.isr=$MIN_ISR
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
PROPERTIES
}

if [[ "${1:-}" == "--print-config" ]]; then
  config
  exit 0
fi

umask 077
mkdir -p /tmp/kafka
config > /tmp/kafka/server.properties
if [[ ! -f "$LOG_DIRS/meta.properties" ]]; then
  echo "formatting $LOG_DIRS (cluster $CLUSTER_ID) with the SCRAM credential of admin"
  "$KAFKA_HOME/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config /tmp/kafka/server.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" --ignore-formatted
fi
exec "$KAFKA_HOME/bin/kafka-server-start.sh" /tmp/kafka/server.properties
