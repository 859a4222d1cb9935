#!/usr/bin/env bash
# One-shot (compose service mongo-init): initiates the replica set rs0 over mongo-1..3 once, waits until it
# has a primary, then creates or updates one user per service from users.json (create-users.js: a role on
# its own database only, the audit trail append-only). Safe to run again: an initiated set is left alone,
# users and roles are updated in place (that is how a password is rotated).
# Authenticates as the root user the mongo image created at the members' first start
# (MONGO_INITDB_ROOT_USERNAME/PASSWORD); the members authenticate each other with the keyfile.
set -euo pipefail

: "${MONGO_ROOT_USERNAME:?}" "${MONGO_ROOT_PASSWORD:?}"
auth=(-u "$MONGO_ROOT_USERNAME" -p "$MONGO_ROOT_PASSWORD" --authenticationDatabase admin)

SEED="${SEED:-mongo-1:27017}"
REPLICA_SET="${REPLICA_SET:-rs0}"
MEMBERS="${MEMBERS:-mongo-1:27017 mongo-2:27017 mongo-3:27017}"

echo "waiting for $SEED"
for attempt in $(seq 1 60); do
  if mongosh --quiet --host "$SEED" "${auth[@]}" --eval 'db.adminCommand({ ping: 1 }).ok' >/dev/null 2>&1; then
    break
  fi
  if [ "$attempt" -eq 60 ]; then
    echo "$SEED not reachable" >&2
    exit 1
  fi
  sleep 2
done

members_js=""
id=0
for member in $MEMBERS; do
  members_js="${members_js}{ _id: ${id}, host: '${member}' },"
  id=$((id + 1))
done

mongosh --quiet --host "$SEED" "${auth[@]}" --eval "
  try {
    rs.status();
    print('replica set already initiated');
  } catch (e) {
    if (e.codeName !== 'NotYetInitialized') { throw e; }
    rs.initiate({ _id: '${REPLICA_SET}', members: [ ${members_js} ] });
    print('replica set initiated');
  }
  for (let i = 0; i < 60; i++) {
    if (db.hello().isWritablePrimary || rs.status().members.some(m => m.stateStr === 'PRIMARY')) {
      print('primary elected');
      quit(0);
    }
    sleep(1000);
  }
  print('no primary after 60 s');
  quit(1);
"

hosts="$(printf '%s,' $MEMBERS)"
# through the set: users and roles are written on whichever member is primary
USERS_FILE="${USERS_FILE:-/mongo/users.json}" mongosh --quiet \
  "mongodb://${hosts%,}/admin?replicaSet=${REPLICA_SET}&serverSelectionTimeoutMS=120000" "${auth[@]}" \
  "${CREATE_USERS_JS:-/mongo/create-users.js}"
