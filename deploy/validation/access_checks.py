#!/usr/bin/env python3
"""Offline checks that compose and k8s give each service the same least privilege (DESIGN §5, issue 15):

  mongo  one MongoDB user per service with a role on its own database only; the audit trail append-only for
         it (find/insert/createIndex, no update/remove); the collections it may rewrite are exactly the ones
         its code uses; compose (mongo/users.json) and k8s (mongodb/users.json) the same table and script;
         each service's MONGODB_URI (compose env, k8s Secret template) names its own user, no other's password;
         the gateway has no database user.
  kafka  one SCRAM principal per service; compose (kafka/acls.txt) and k8s (kafka/users.yaml) the same ACLs;
         each service writes exactly the topics its asyncapi.yaml says it sends and the dead-letter topics of
         what it consumes, reads exactly what its bindings consume, uses only its own group; only
         billing-service writes billing.decisions.v1; the services are wired to their own credential (compose
         KAFKA_SASL_JAAS_CONFIG, k8s the KafkaUser's Secret), the brokers/Strimzi enforce SCRAM and ACLs; the
         gateway and the console have no Kafka principal.

  access_checks.py mongo|kafka <repository root>     prints what it checked and each problem; exit 1 on a problem

Run by deploy/validate-deploy; access_checks_test.py breaks copies of the inputs and expects each check to fail.
"""
import json
import pathlib
import re
import sys

import yaml

SERVICES = ("registry-service", "referral-service", "quota-service", "billing-service")
DB_OF = {"registry-service": "registry", "referral-service": "referral", "quota-service": "quota",
         "billing-service": "billing", "console": "console"}
# actions a role may hold on the whole database: none changes or deletes a stored document
NON_DESTRUCTIVE = {"find", "insert", "createIndex", "listIndexes", "listCollections", "createCollection",
                   "killCursors", "collStats", "dbStats"}
DECISIONS = "billing.decisions.v1"
COMPOSE_ONLY_PRINCIPALS = {"kafka-exporter"}  # infrastructure: Strimzi's exporter has its own access in k8s


class Problems(list):
    def need(self, cond, msg):
        if not cond:
            self.append(msg)
        return bool(cond)


def load_yaml_docs(path):
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


def compose_services(repo):
    return yaml.safe_load((repo / "deploy/compose/compose.yaml").read_text(encoding="utf-8"))["services"]


def k8s_deployment(repo, name):
    for d in load_yaml_docs(repo / f"deploy/k8s/base/services/{name}.yaml"):
        if d["kind"] == "Deployment":
            return d["spec"]["template"]["spec"]["containers"][0]
    return None


# ---- what the code says -------------------------------------------------------------------------------------

def code_collections(repo, module):
    """Collection names a module's code passes to MongoDB: string constants used as a collection argument
    (ReactiveMongoTemplate calls, indexOps, @Document, LocalViews/SealedFields), outbox collections of its
    application.yaml, the platform's inbox (every backend service) and audit (a subclass of AuditStore)."""
    found = set()
    texts = {p: p.read_text(encoding="utf-8") for p in (repo / module / "src/main/java").rglob("*.java")}
    consts = {}
    for p, t in texts.items():
        for m in re.finditer(r'static final String (\w+) = "([a-z][a-z0-9_]*)";', t):
            consts.setdefault(m.group(1), []).append((p, m.group(2)))
    for p, t in texts.items():
        if "ReactiveMongoTemplate" not in t and "@Document" not in t:
            continue
        for m in re.finditer(r"(?:(?:\.class|mongo),\s*|indexOps\(|@Document\(|,\s*(?=(?:\w+\.)?COLLECTION\b))"
                             r"(?:(\w+)\.)?([A-Z][A-Z_]*)\b", t):
            owner, name = m.group(1), m.group(2)
            for cp, value in consts.get(name, []):
                if (owner is None and cp == p) or owner == cp.stem:
                    found.add(value)
        if re.search(r"extends AuditStore<", t):
            found.add("audit")
    app = yaml.safe_load((repo / module / "src/main/resources/application.yaml").read_text(encoding="utf-8")) or {}
    found |= set(((app.get("platform") or {}).get("outbox") or {}).get("collections") or [])
    if module in SERVICES:
        found.add("inbox")
    return found


def app_yaml(repo, module):
    return yaml.safe_load((repo / module / "src/main/resources/application.yaml").read_text(encoding="utf-8")) or {}


def consumed(repo, service):
    """(topic, group) of every consumer binding in the service's application.yaml."""
    cfg = app_yaml(repo, service)
    bindings = (((cfg.get("spring") or {}).get("cloud") or {}).get("stream") or {}).get("bindings") or {}
    out = set()
    for name, b in bindings.items():
        if "-in-" in name and b.get("destination"):
            for dest in str(b["destination"]).split(","):
                out.add((dest.strip(), b.get("group", service)))
    return out


def asyncapi(repo, service):
    """(sent, received) topics of the service's asyncapi.yaml (AsyncAPI 2: subscribe = the service sends;
    AsyncAPI 3: operations with action send/receive)."""
    doc = yaml.safe_load((repo / service / "src/main/resources/asyncapi.yaml").read_text(encoding="utf-8"))
    sent, received = set(), set()
    if str(doc.get("asyncapi", "")).startswith("2."):
        for topic, channel in (doc.get("channels") or {}).items():
            if "subscribe" in channel:
                sent.add(topic)
            if "publish" in channel:
                received.add(topic)
    else:
        channels = doc.get("channels") or {}
        for op in (doc.get("operations") or {}).values():
            ref = op["channel"]["$ref"].split("/")[-1]
            topic = channels[ref]["address"]
            (sent if op["action"] == "send" else received).add(topic)
    return sent, received


# ---- MongoDB ------------------------------------------------------------------------------------------------

def check_mongo(repo):
    p = Problems()
    compose_table = repo / "deploy/compose/mongo/users.json"
    k8s_table = repo / "deploy/k8s/base/mongodb/users.json"
    p.need(compose_table.read_bytes() == k8s_table.read_bytes(),
           "deploy/compose/mongo/users.json and deploy/k8s/base/mongodb/users.json differ (copy one over the other)")
    # one script for both: compose's mongo-init mounts the k8s copy (kustomize reads only files below its folder)
    p.need(not (repo / "deploy/compose/mongo/create-users.js").exists(),
           "deploy/compose/mongo/create-users.js: a second copy; compose mounts deploy/k8s/base/mongodb/create-users.js")
    table = json.loads(compose_table.read_text(encoding="utf-8"))["users"]
    by_user = {u["user"]: u for u in table}
    p.need(len(by_user) == len(table), "a user appears twice in users.json")
    p.need(set(by_user) == set(DB_OF), f"users.json must have exactly one user per service {sorted(DB_OF)} (no gateway): {sorted(by_user)}")
    dbs = [u["db"] for u in table]
    p.need(len(set(dbs)) == len(dbs), f"two users share a database: {dbs}")
    passwords = [u["passwordEnv"] for u in table]
    p.need(len(set(passwords)) == len(passwords), f"two users share a password variable: {passwords}")
    for user, u in by_user.items():
        module = user
        p.need(u["db"] == DB_OF.get(user), f"{user}: database {u['db']}, its application.yaml uses {DB_OF.get(user)}")
        declared = str(((app_yaml(repo, module).get("spring") or {}).get("mongodb") or {}).get("database", ""))
        p.need(declared.endswith(f":{u['db']}}}") or declared == u["db"], f"{user}: application.yaml database {declared!r} is not {u['db']}")
        overlap = set(u["collections"]) & set(u["appendOnly"])
        p.need(not overlap, f"{user}: {sorted(overlap)} both rewritable and append-only")
        used = code_collections(repo, module)
        granted = set(u["collections"]) | set(u["appendOnly"])
        p.need(used <= granted, f"{user}: the code uses collections the role does not cover: {sorted(used - granted)}")
        p.need(granted <= used, f"{user}: the role grants collections the code does not use: {sorted(granted - used)}")
        if "audit" in used:
            p.need("audit" in u["appendOnly"] and "audit" not in u["collections"],
                   f"{user}: the audit collection must be append-only (in appendOnly, not in collections)")
    # the script: database-wide actions change nothing; rewrite actions only on the listed collections; no built-in role
    js = (repo / "deploy/k8s/base/mongodb/create-users.js").read_text(encoding="utf-8")
    m = re.search(r"const DATABASE_ACTIONS = \[([^\]]*)\]", js)
    db_actions = set(re.findall(r"'(\w+)'", m.group(1))) if m else set()
    p.need(m and db_actions <= NON_DESTRUCTIVE,
           f"create-users.js: database-wide actions must change no document: {sorted(db_actions - NON_DESTRUCTIVE)}")
    p.need({"find", "insert", "createIndex"} <= db_actions, "create-users.js: find/insert/createIndex on the database")
    p.need(re.search(r"u\.collections\.map\(c => \(\{ resource: \{ db: u\.db, collection: c \}, actions: COLLECTION_ACTIONS", js),
           "create-users.js: COLLECTION_ACTIONS must be granted per listed collection only")
    p.need(not re.search(r"role:\s*['\"](readWrite|readWriteAnyDatabase|dbOwner|dbAdmin|root|userAdmin)['\"]", js),
           "create-users.js: a built-in role (readWrite, dbOwner, ...) would undo the append-only audit trail")
    # compose: keyfile auth, each service its own user and only its own password
    s = compose_services(repo)
    for member in [n for n in s if re.fullmatch(r"mongo-\d", n)]:
        p.need("--keyFile" in s[member]["command"], f"compose {member}: mongod without --keyFile")
    init_env = s["mongo-init"]["environment"]
    script = init_env.get("CREATE_USERS_JS", "")
    p.need(script and f"../k8s/base/mongodb/create-users.js:{script}:ro" in s["mongo-init"].get("volumes", []),
           "compose mongo-init: CREATE_USERS_JS must name deploy/k8s/base/mongodb/create-users.js, mounted read-only")
    for u in table:
        p.need(u["passwordEnv"] in init_env, f"compose mongo-init: {u['passwordEnv']} not given")
    for user, u in by_user.items():
        env = (s.get(user) or {}).get("environment") or {}
        uri = str(env.get("MONGODB_URI", ""))
        p.need(uri.startswith(f"mongodb://{user}:${{{u['passwordEnv']}:?") and "authSource=admin" in uri,
               f"compose {user}: MONGODB_URI must name user {user} with ${{{u['passwordEnv']}}} and authSource=admin")
        others = [o["passwordEnv"] for o in table if o is not u and any(o["passwordEnv"] in str(v) for v in env.values())]
        p.need(not others, f"compose {user}: sees other users' passwords {others}")
    gw = (s.get("gateway") or {}).get("environment") or {}
    p.need(not any("MONGO" in k or "mongodb://" in str(v) for k, v in gw.items()), "compose gateway: must have no database settings")
    # k8s: Secret template URIs, mongodb-auth keys, the Job runs the shared script, the gateway has no Secret
    template = {d["metadata"]["name"]: d for d in load_yaml_docs(repo / "deploy/k8s/base/config/secret.template.yaml")}
    auth = template.get("mongodb-auth", {}).get("stringData", {})
    for user, u in by_user.items():
        p.need(u["passwordEnv"] in auth, f"k8s Secret mongodb-auth: no {u['passwordEnv']}")
        secret = template.get(f"{user}-secrets", {}).get("stringData", {})
        uri = secret.get("MONGODB_URI", "")
        p.need(uri.startswith(f"mongodb://{user}:") and "authSource=admin" in uri,
               f"k8s Secret {user}-secrets: MONGODB_URI must name user {user} with authSource=admin")
        c = k8s_deployment(repo, user)
        refs = {e["secretRef"]["name"] for e in (c or {}).get("envFrom", []) if "secretRef" in e}
        refs |= {e["valueFrom"]["secretKeyRef"]["name"] for e in (c or {}).get("env", [])
                 if e.get("name") == "MONGODB_URI" and "valueFrom" in e}
        p.need(f"{user}-secrets" in refs and not any(r.endswith("-secrets") and r != f"{user}-secrets" for r in refs),
               f"k8s Deployment {user}: must take MONGODB_URI from {user}-secrets only, takes {sorted(refs)}")
    gwc = k8s_deployment(repo, "gateway") or {}
    p.need(not any("secretRef" in e for e in gwc.get("envFrom", [])) and not any(e.get("name") == "MONGODB_URI" for e in gwc.get("env", [])),
           "k8s gateway: must have no Secret and no MONGODB_URI")
    mongodb = (repo / "deploy/k8s/base/mongodb/mongodb.yaml").read_text(encoding="utf-8")
    p.need("/mongo/create-users.js" in mongodb and "USERS_FILE=/mongo/users.json" in mongodb and "name: mongo-users" in mongodb,
           "k8s mongo-init Job must run /mongo/create-users.js with /mongo/users.json (ConfigMap mongo-users)")
    p.need(not re.search(r'role:\s*"readWrite"', mongodb), "k8s mongodb.yaml: grants readWrite (the audit trail would be rewritable)")
    p.need('"--keyFile"' in mongodb, "k8s mongod without --keyFile")
    kust = yaml.safe_load((repo / "deploy/k8s/base/kustomization.yaml").read_text(encoding="utf-8"))
    gen = {g["name"]: g for g in kust.get("configMapGenerator", [])}
    p.need(set(gen.get("mongo-users", {}).get("files", [])) == {"mongodb/users.json", "mongodb/create-users.js"},
           "k8s kustomization: configMapGenerator mongo-users from mongodb/users.json and mongodb/create-users.js")
    users = ", ".join(u["user"] + ": " + u["db"] for u in table)
    append_only = ", ".join(u["db"] + "." + c for u in table for c in u["appendOnly"])
    summary = f"{len(table)} MongoDB users ({users}); append-only: {append_only}; compose = k8s (one script)"
    return p, summary


# ---- Kafka --------------------------------------------------------------------------------------------------

def read_acls(path):
    acls = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        principal, rtype, name, ops = line.split()
        acls.add((principal, rtype, name, frozenset(ops.split(","))))
    return acls


def k8s_acls(repo):
    acls, users, problems = set(), set(), []
    for d in load_yaml_docs(repo / "deploy/k8s/base/kafka/users.yaml"):
        user = d["metadata"]["name"]
        users.add(user)
        if d["spec"]["authentication"]["type"] != "scram-sha-512":
            problems.append(f"k8s KafkaUser {user}: authentication must be scram-sha-512")
        for a in d["spec"]["authorization"]["acls"]:
            r = a["resource"]
            if r.get("patternType", "literal") != "literal" or a.get("type", "allow") != "allow":
                problems.append(f"k8s KafkaUser {user}: only literal allow ACLs ({r})")
            acls.add((user, r["type"], r.get("name", "kafka-cluster"), frozenset(a["operations"])))
    return acls, users, problems


def check_kafka(repo):
    p = Problems()
    table = read_acls(repo / "deploy/compose/kafka/acls.txt")
    k8s, k8s_users, k8s_problems = k8s_acls(repo)
    p.extend(k8s_problems)
    compose_for_k8s = {a for a in table if a[0] not in COMPOSE_ONLY_PRINCIPALS}
    p.need(compose_for_k8s == k8s, "compose kafka/acls.txt and k8s kafka/users.yaml differ: "
           f"only in compose {sorted(map(str, compose_for_k8s - k8s))}, only in k8s {sorted(map(str, k8s - compose_for_k8s))}")
    principals = {a[0] for a in table}
    p.need(principals - COMPOSE_ONLY_PRINCIPALS == set(SERVICES) and k8s_users == set(SERVICES),
           f"one Kafka principal per backend service, none for the gateway or console: compose {sorted(principals)}, k8s {sorted(k8s_users)}")
    writers = sorted(a[0] for a in table | k8s if a[1] == "topic" and a[2] in (DECISIONS, "*") and {"Write", "All"} & a[3])
    p.need(writers == ["billing-service"] * writers.count("billing-service") and writers,
           f"only billing-service may write {DECISIONS}: writers {writers}")
    # DESIGN §3: each event topic has one producer, the service its name starts with (registry.* registry-service, ...)
    for line in (repo / "deploy/compose/kafka/topics.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.split()[0].endswith(".dlq"):
            continue
        topic = line.split()[0]
        owner = topic.split(".")[0] + "-service"
        topic_writers = {a[0] for a in table | k8s if a[1] == "topic" and a[2] == topic and "Write" in a[3]}
        p.need(topic_writers == {owner}, f"{topic}: writers {sorted(topic_writers)}, its one producer is {owner}")
    for a in table | k8s:
        p.need(a[2] != "*" or a[0] in COMPOSE_ONLY_PRINCIPALS, f"{a[0]}: a wildcard resource {a}")
        p.need(not ({"All", "Alter", "AlterConfigs", "Create", "Delete", "ClusterAction"} & a[3]),
               f"{a[0]}: {sorted(a[3])} on {a[1]} {a[2]} is more than a service needs")
    for e in (a for a in table if a[0] in COMPOSE_ONLY_PRINCIPALS):
        p.need(e[3] <= {"Describe", "DescribeConfigs"}, f"{e[0]}: may only describe, has {sorted(e[3])} on {e[2]}")
    for service in SERVICES:
        mine = {a for a in table if a[0] == service}
        writes = {a[2] for a in mine if a[1] == "topic" and "Write" in a[3]}
        reads = {a[2] for a in mine if a[1] == "topic" and "Read" in a[3]}
        groups = {a[2] for a in mine if a[1] == "group"}
        sent, received = asyncapi(repo, service)
        bound = consumed(repo, service)
        topics_in = {t for t, _ in bound}
        dlqs = {f"{t}.{g}.dlq" for t, g in bound}
        p.need(writes == sent | dlqs, f"{service}: writes {sorted(writes)}, but asyncapi.yaml sends {sorted(sent)} "
               f"and its dead-letter topics are {sorted(dlqs)}")
        p.need(reads == topics_in, f"{service}: reads {sorted(reads)}, but its bindings consume {sorted(topics_in)}")
        p.need(received == topics_in, f"{service}: asyncapi.yaml receives {sorted(received)}, its bindings consume {sorted(topics_in)}")
        app_name = ((app_yaml(repo, service).get("spring") or {}).get("application") or {}).get("name")
        p.need(groups == ({app_name} if bound else set()) and all(g == app_name for _, g in bound),
               f"{service}: groups {sorted(groups)}, must be its own ({app_name}) and only if it consumes")
    # the services are wired to their own credential
    s = compose_services(repo)
    init_env = s["kafka-init"]["environment"]
    for principal in principals:
        var = principal.upper().replace("-", "_") + "_KAFKA_PASSWORD"
        p.need(var in init_env, f"compose kafka-init: {var} not given")
    for service in SERVICES:
        env = s[service]["environment"]
        var = service.upper().replace("-", "_") + "_KAFKA_PASSWORD"
        jaas = str(env.get("KAFKA_SASL_JAAS_CONFIG", ""))
        p.need(f'username="{service}"' in jaas and f"${{{var}:?" in jaas, f"compose {service}: KAFKA_SASL_JAAS_CONFIG must name {service} and ${{{var}}}")
        others = [o for o in principals if o != service and (o.upper().replace("-", "_") + "_KAFKA_PASSWORD") in str(env)]
        p.need(not others, f"compose {service}: sees the Kafka passwords of {others}")
        p.need(env.get("KAFKA_SECURITY_PROTOCOL") == "SASL_PLAINTEXT" and env.get("KAFKA_SASL_MECHANISM") == "SCRAM-SHA-512",
               f"compose {service}: KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM")
        c = k8s_deployment(repo, service) or {}
        jaas_refs = [e["valueFrom"]["secretKeyRef"]["name"] for e in c.get("env", []) if e.get("name") == "KAFKA_SASL_JAAS_CONFIG"]
        p.need(jaas_refs == [service], f"k8s {service}: KAFKA_SASL_JAAS_CONFIG must come from its own KafkaUser Secret, not {jaas_refs}")
    for outsider in ("gateway", "console"):
        env = (s.get(outsider) or {}).get("environment") or {}
        p.need(not any(k.startswith("KAFKA") for k in env), f"compose {outsider}: must have no Kafka settings")
        c = k8s_deployment(repo, outsider) or {}
        p.need(not any(e.get("name", "").startswith("KAFKA") for e in c.get("env", [])), f"k8s {outsider}: must have no Kafka credential")
    kust = (repo / "deploy/k8s/base/kustomization.yaml").read_text(encoding="utf-8")
    p.need("KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT" in kust and "KAFKA_SASL_MECHANISM=SCRAM-SHA-512" in kust,
           "k8s ConfigMap referral-platform-config: KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT, KAFKA_SASL_MECHANISM=SCRAM-SHA-512")
    kafka = next(d for d in load_yaml_docs(repo / "deploy/k8s/base/kafka/kafka.yaml") if d["kind"] == "Kafka")["spec"]["kafka"]
    p.need(kafka.get("authorization", {}).get("type") == "simple", "k8s Kafka: authorization simple (ACLs)")
    p.need(all(l.get("authentication", {}).get("type") in ("scram-sha-512", "tls") for l in kafka["listeners"]),
           "k8s Kafka: a listener without authentication")
    p.need(str(kafka.get("config", {}).get("allow.everyone.if.no.acl.found", "false")).lower() == "false",
           "k8s Kafka: allow.everyone.if.no.acl.found must stay false")
    # the services turn these settings into client configuration (spring.kafka and the binder)
    defaults = yaml.safe_load((repo / "platform/src/main/resources/platform-defaults.yaml").read_text(encoding="utf-8"))
    sk = defaults["spring"]["kafka"]
    binder = defaults["spring"]["cloud"]["stream"]["kafka"]["binder"].get("configuration", {})
    for where, protocol, props in (("spring.kafka", sk.get("security", {}).get("protocol"), sk.get("properties", {})),
                                   ("binder configuration", binder.get("security.protocol"), binder)):
        p.need(str(protocol).startswith("${KAFKA_SECURITY_PROTOCOL:") and
               str(props.get("sasl.mechanism", "")).startswith("${KAFKA_SASL_MECHANISM:") and
               str(props.get("sasl.jaas.config", "")).startswith("${KAFKA_SASL_JAAS_CONFIG:"),
               f"platform-defaults.yaml {where}: security.protocol/sasl.mechanism/sasl.jaas.config from KAFKA_*")
    summary = (f"{len(principals)} principals, {len(table)} ACL lines (compose) = {len(k8s)} (k8s KafkaUsers) for the four services; "
               f"writes = asyncapi sends + own DLQs, reads = bindings, own group; each event topic written by its one "
               f"producer only, so only billing-service writes {DECISIONS}")
    return p, summary


def main(argv):
    which, repo = argv[1], pathlib.Path(argv[2])
    problems, summary = {"mongo": check_mongo, "kafka": check_kafka}[which](repo)
    for problem in problems:
        print(problem)
    print(f"{summary}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
