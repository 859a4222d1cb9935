#!/usr/bin/env bash
# One-shot (compose service kafka-init, after create-topics.sh): for every principal of acls.txt, sets its
# SCRAM-SHA-512 credential (kafka-configs --alter --add-config 'SCRAM-SHA-512=[password=…]') and adds its ACLs
# (kafka-acls --add, literal resources, allow only). Everything else stays denied
# (allow.everyone.if.no.acl.found=false). Safe to run again: credentials are replaced (that is how a password
# is rotated) and an ACL that exists is left alone. An ACL removed from the table is not removed from the
# cluster by this script: `kafka-acls --remove` it (README "Secrets").
#
# The password of principal p comes from the variable <P>_KAFKA_PASSWORD (p upper-cased, '-' as '_'), e.g.
# REGISTRY_SERVICE_KAFKA_PASSWORD; a principal without one is an error.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
ACLS_FILE="${ACLS_FILE:-/kafka/acls.txt}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
ADMIN_CONFIG="${ADMIN_CONFIG:-/tmp/kafka-admin.properties}"
[[ -s "$ADMIN_CONFIG" ]] || { echo "$ADMIN_CONFIG missing: run create-topics.sh first" >&2; exit 1; }

password_of() { # principal
  local var
  var="$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"
  [[ -n "${!var:-}" ]] || { echo "no password for principal $1: set $var" >&2; return 1; }
  printf '%s' "${!var}"
}

principals="$(grep -vE '^\s*(#|$)' "$ACLS_FILE" | awk '{print $1}' | sort -u)"
for principal in $principals; do
  pwd="$(password_of "$principal")"
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type users --entity-name "$principal" --add-config "SCRAM-SHA-512=[password=$pwd]" >/dev/null
  echo "SCRAM-SHA-512 credential of $principal set"
done

count=0
while read -r principal type name operations _; do
  case "$principal" in ''|'#'*) continue ;; esac
  ops=()
  IFS=',' read -ra list <<<"$operations"
  for op in "${list[@]}"; do ops+=(--operation "$op"); done
  case "$type" in
    topic) resource=(--topic "$name") ;;
    group) resource=(--group "$name") ;;
    cluster) resource=(--cluster) ;;
    *) echo "acls.txt: unknown resource type $type" >&2; exit 1 ;;
  esac
  "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
    --allow-principal "User:$principal" "${ops[@]}" "${resource[@]}" --resource-pattern-type literal >/dev/null
  echo "ACL: $principal may $operations on $type $name"
  count=$((count + 1))
done <"$ACLS_FILE"
echo "$count ACLs for $(wc -w <<<"$principals") principals in place"
