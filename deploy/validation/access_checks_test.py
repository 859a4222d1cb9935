#!/usr/bin/env python3
"""Negative tests of access_checks.py: each case copies the inputs, breaks one thing the way a careless edit
would, and expects the check to report it (and the unbroken copy to pass). Run by deploy/validate-deploy:

  python3 -m unittest deploy/validation/access_checks_test.py
"""
import pathlib
import shutil
import sys
import tempfile
import unittest
from typing import NamedTuple

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import access_checks  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
# what the tests edit is copied; the services' sources, which they only read, are linked
COPIED = ["deploy/compose", "deploy/k8s/base", "platform/src/main/resources"]
LINKED = ["registry-service", "referral-service", "quota-service", "billing-service", "console", "gateway"]

COMPOSE = "deploy/compose/compose.yaml"
MONGO_USERS = ("deploy/compose/mongo/users.json", "deploy/k8s/base/mongodb/users.json")
CREATE_USERS_JS = "deploy/k8s/base/mongodb/create-users.js"
KAFKA_ACLS = "deploy/compose/kafka/acls.txt"
KAFKA_USERS = "deploy/k8s/base/kafka/users.yaml"


def k8s_topic_acl(topic, operations):
    """One ACL entry of a KafkaUser as deploy/k8s/base/kafka/users.yaml writes it."""
    return f"""      - resource:
          type: topic
          name: {topic}
          patternType: literal
        operations: [{operations}]"""


class Break(NamedTuple):
    """A careless edit: what it breaks, its replacements (file, old text, new text) and the problem expected."""
    rule: str
    edits: tuple
    problem: str


def replacing(rel, old, new):
    return ((rel, old, new),)


def in_both_user_tables(old, new):
    return tuple((rel, old, new) for rel in MONGO_USERS)


MONGO_BREAKS = [
    Break("compose and k8s tables must be equal",
          replacing(MONGO_USERS[1], '"collections": ["sessions"]', '"collections": ["sessions", "extra"]'),
          "differ"),
    Break("compose mounts the k8s script",
          replacing(COMPOSE, "CREATE_USERS_JS: /mongo-users/create-users.js", "CREATE_USERS_JS: /mongo/create-users.js"),
          "CREATE_USERS_JS must name"),
    Break("audit must not be rewritable",
          in_both_user_tables('"collections": ["referrals", "idempotency_keys"',
                              '"collections": ["audit", "referrals", "idempotency_keys"'),
          "both rewritable and append-only"),
    Break("audit must be listed append-only",
          in_both_user_tables('''"practitioner_view", "inbox"],
      "appendOnly": ["audit"]''', '''"practitioner_view", "inbox", "audit"],
      "appendOnly": []'''),
          "referral-service: the audit collection must be append-only"),
    Break("no built-in readWrite role",
          replacing(CREATE_USERS_JS, "const roles = [{ role: roleName, db: u.db }];",
                    "const roles = [{ role: 'readWrite', db: u.db }];"),
          "built-in role"),
    Break("database-wide actions change nothing",
          replacing(CREATE_USERS_JS, "const DATABASE_ACTIONS = ['find', 'insert',",
                    "const DATABASE_ACTIONS = ['find', 'insert', 'update',"),
          "must change no document"),
    Break("every collection the code uses is covered",
          in_both_user_tables('"collections": ["pools", "waitlist", ', '"collections": ["pools", '),
          "quota-service: the code uses collections the role does not cover: ['waitlist']"),
    Break("no user for the gateway",
          in_both_user_tables('"users": [', '"users": [\n    {"user": "gateway", "db": "gateway", "passwordEnv": '
                                            '"GATEWAY_DB_PASSWORD", "collections": [], "appendOnly": []},'),
          "exactly one user per service"),
    Break("a service uses its own user",
          replacing(COMPOSE, "MONGODB_URI: mongodb://referral-service:${REFERRAL_DB_PASSWORD:?",
                    "MONGODB_URI: mongodb://billing-service:${BILLING_DB_PASSWORD:?"),
          "compose referral-service: MONGODB_URI must name user referral-service"),
    Break("the gateway gets no database",
          replacing(COMPOSE, '''      MANAGEMENT_PORT: "8180"
''', '''      MANAGEMENT_PORT: "8180"
      MONGODB_URI: mongodb://mongo-1:27017/?replicaSet=rs0
'''),
          "compose gateway: must have no database settings"),
    Break("the k8s Secret names the service's own user",
          replacing("deploy/k8s/base/config/secret.template.yaml", "MONGODB_URI: mongodb://quota-service:REPLACE_ME",
                    "MONGODB_URI: mongodb://registry-service:REPLACE_ME"),
          "k8s Secret quota-service-secrets"),
    Break("members authenticate with the keyfile",
          replacing(COMPOSE, '"--keyFile", "/etc/mongo-keyfile/keyfile", ', ""),
          "mongod without --keyFile"),
]

QUOTA_WRITES = k8s_topic_acl("quota.events.v1", "Write, Describe, DescribeConfigs")
# quota-service's entries in users.yaml: institutions, then contracts, then its dead-letter topic
QUOTA_READS_ON = k8s_topic_acl("registry.contracts.v1", "Read, Describe") + "\n" + k8s_topic_acl(
    "referral.events.v1.quota-service.dlq", "Write, Describe, DescribeConfigs")

KAFKA_BREAKS = [
    Break("only billing writes the decisions",
          ((KAFKA_ACLS, "# ---- billing-service",
            "quota-service      topic  billing.decisions.v1                           Write,Describe,DescribeConfigs\n"
            "# ---- billing-service"),
           (KAFKA_USERS, QUOTA_WRITES,
            QUOTA_WRITES + "\n" + k8s_topic_acl("billing.decisions.v1", "Write, Describe, DescribeConfigs"))),
          "only billing-service may write billing.decisions.v1"),
    Break("each event topic has one producer",
          replacing(KAFKA_ACLS, "# ---- quota-service",
                    "referral-service   topic  quota.events.v1                                Write,Describe,DescribeConfigs\n"
                    "# ---- quota-service"),
          "quota.events.v1: writers ['quota-service', 'referral-service']"),
    Break("compose and k8s ACLs must be equal",
          replacing(KAFKA_ACLS, "referral-service   topic  registry.catalogs.v1                           Read,Describe\n",
                    ""),
          "differ"),
    # the gap k8s had before this check: quota-service consumes institutions and contracts
    Break("a consumer needs read on every topic it binds",
          ((KAFKA_ACLS, "quota-service      topic  registry.institutions.v1                       Read,Describe\n", ""),
           (KAFKA_USERS, k8s_topic_acl("registry.institutions.v1", "Read, Describe") + "\n" + QUOTA_READS_ON,
            QUOTA_READS_ON)),
          "quota-service: reads"),
    Break("no read beyond what is consumed",
          replacing(KAFKA_ACLS, "# ---- quota-service",
                    "referral-service   topic  billing.decisions.v1                           Read,Describe\n"
                    "# ---- quota-service"),
          "referral-service: reads"),
    Break("only its own group",
          replacing(KAFKA_ACLS, "referral-service   group  referral-service ", "referral-service   group  quota-service    "),
          "referral-service: groups"),
    Break("no principal for the gateway",
          replacing(KAFKA_ACLS, "# ---- registry-service",
                    "gateway            topic  referral.events.v1                             Read,Describe\n"
                    "# ---- registry-service"),
          "one Kafka principal per backend service"),
    Break("a service uses its own principal",
          replacing(COMPOSE, 'username="referral-service" password="${REFERRAL_SERVICE_KAFKA_PASSWORD:?',
                    'username="quota-service" password="${QUOTA_SERVICE_KAFKA_PASSWORD:?'),
          "compose referral-service: KAFKA_SASL_JAAS_CONFIG"),
    Break("the binder gets the credentials too",
          replacing("platform/src/main/resources/platform-defaults.yaml",
                    "            sasl.jaas.config: ${KAFKA_SASL_JAAS_CONFIG:}\n", ""),
          "platform-defaults.yaml binder configuration"),
    Break("k8s enforces ACLs",
          replacing("deploy/k8s/base/kafka/kafka.yaml", "    authorization:\n      type: simple\n", ""),
          "k8s Kafka: authorization simple"),
]


class AccessChecksTest(unittest.TestCase):

    def copy_of_the_inputs(self):
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="access-checks-"))
        self.addCleanup(shutil.rmtree, tmp)
        for rel in COPIED:
            shutil.copytree(REPO / rel, tmp / rel, ignore=shutil.ignore_patterns(".env", "node_modules"))
        for module in LINKED:
            (tmp / module).symlink_to(REPO / module)
        return tmp

    def edit(self, tmp, rel, old, new):
        path = tmp / rel
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text, f"{rel}: the test's edit no longer applies")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def assertFails(self, check, tmp, expected):
        problems, _ = check(tmp)
        self.assertTrue(any(expected in p for p in problems), f"expected a problem with {expected!r}, got {problems}")

    def assertEachBreakFails(self, check, breaks):
        for broken in breaks:
            with self.subTest(broken.rule):
                tmp = self.copy_of_the_inputs()
                for rel, old, new in broken.edits:
                    self.edit(tmp, rel, old, new)
                self.assertFails(check, tmp, broken.problem)

    # ---- the unbroken copy passes ---------------------------------------------------------------------------

    def test_the_repository_as_it_is_passes_both(self):
        tmp = self.copy_of_the_inputs()
        for check in (access_checks.check_mongo, access_checks.check_kafka):
            problems, _ = check(tmp)
            self.assertEqual([], problems)

    # ---- MongoDB --------------------------------------------------------------------------------------------

    def test_mongo_fails_on_each_break(self):
        self.assertEachBreakFails(access_checks.check_mongo, MONGO_BREAKS)

    def test_mongo_compose_runs_the_k8s_script_not_a_copy(self):
        tmp = self.copy_of_the_inputs()
        shutil.copy(tmp / CREATE_USERS_JS, tmp / "deploy/compose/mongo/create-users.js")
        self.assertFails(access_checks.check_mongo, tmp, "a second copy")

    # ---- Kafka ----------------------------------------------------------------------------------------------

    def test_kafka_fails_on_each_break(self):
        self.assertEachBreakFails(access_checks.check_kafka, KAFKA_BREAKS)


if __name__ == "__main__":
    unittest.main()
