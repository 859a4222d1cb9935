#!/usr/bin/env python3
"""Negative tests of access_checks.py: each test copies the inputs, breaks one thing the way a careless edit
would, and expects the check to report it (and the unbroken copy to pass). Run by deploy/validate-deploy:

  python3 -m unittest deploy/validation/access_checks_test.py
"""
import pathlib
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import access_checks  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
# what the tests edit is copied; the services' sources, which they only read, are linked
COPIED = ["deploy/compose", "deploy/k8s/base", "platform/src/main/resources"]
LINKED = ["registry-service", "referral-service", "quota-service", "billing-service", "console", "gateway"]


def k8s_topic_acl(topic, operations):
    """One ACL entry of a KafkaUser as deploy/k8s/base/kafka/users.yaml writes it."""
    return f"""      - resource:
          type: topic
          name: {topic}
          patternType: literal
        operations: [{operations}]"""


class AccessChecksTest(unittest.TestCase):

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="access-checks-"))
        for rel in COPIED:
            shutil.copytree(REPO / rel, self.tmp / rel, ignore=shutil.ignore_patterns(".env", "node_modules"))
        for module in LINKED:
            (self.tmp / module).symlink_to(REPO / module)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, rel, old, new, count=1):
        path = self.tmp / rel
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text, f"{rel}: the test's edit no longer applies")
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def edit_both_tables(self, old, new):
        self.edit("deploy/compose/mongo/users.json", old, new)
        self.edit("deploy/k8s/base/mongodb/users.json", old, new)

    def edit_the_script(self, old, new):
        self.edit("deploy/k8s/base/mongodb/create-users.js", old, new)

    def assertFails(self, check, expected):
        problems, _ = check(self.tmp)
        self.assertTrue(any(expected in p for p in problems), f"expected a problem with {expected!r}, got {problems}")

    # ---- the unbroken copy passes ---------------------------------------------------------------------------

    def test_the_repository_as_it_is_passes_both(self):
        for check in (access_checks.check_mongo, access_checks.check_kafka):
            problems, _ = check(self.tmp)
            self.assertEqual([], problems)

    # ---- MongoDB --------------------------------------------------------------------------------------------

    def test_mongo_compose_and_k8s_tables_must_be_equal(self):
        self.edit("deploy/k8s/base/mongodb/users.json", '"collections": ["sessions"]', '"collections": ["sessions", "extra"]')
        self.assertFails(access_checks.check_mongo, "differ")

    def test_mongo_compose_runs_the_k8s_script_not_a_copy(self):
        shutil.copy(self.tmp / "deploy/k8s/base/mongodb/create-users.js", self.tmp / "deploy/compose/mongo/create-users.js")
        self.assertFails(access_checks.check_mongo, "a second copy")

    def test_mongo_compose_mounts_the_k8s_script(self):
        self.edit("deploy/compose/compose.yaml", "CREATE_USERS_JS: /mongo-users/create-users.js",
                  "CREATE_USERS_JS: /mongo/create-users.js")
        self.assertFails(access_checks.check_mongo, "CREATE_USERS_JS must name")

    def test_mongo_audit_must_not_be_rewritable(self):
        self.edit_both_tables('"collections": ["referrals", "idempotency_keys"', '"collections": ["audit", "referrals", "idempotency_keys"')
        self.assertFails(access_checks.check_mongo, "both rewritable and append-only")

    def test_mongo_audit_must_be_listed_append_only(self):
        self.edit_both_tables('''"alliance_view", "inbox"],
      "appendOnly": ["audit"]''', '''"alliance_view", "inbox", "audit"],
      "appendOnly": []''')
        self.assertFails(access_checks.check_mongo, "referral-service: the audit collection must be append-only")

    def test_mongo_no_builtin_read_write_role(self):
        self.edit_the_script("const roles = [{ role: roleName, db: u.db }];",
                               "const roles = [{ role: 'readWrite', db: u.db }];")
        self.assertFails(access_checks.check_mongo, "built-in role")

    def test_mongo_database_wide_actions_change_nothing(self):
        self.edit_the_script("const DATABASE_ACTIONS = ['find', 'insert',", "const DATABASE_ACTIONS = ['find', 'insert', 'update',")
        self.assertFails(access_checks.check_mongo, "must change no document")

    def test_mongo_every_collection_the_code_uses_is_covered(self):
        self.edit_both_tables('"collections": ["pools", "waitlist", ', '"collections": ["pools", ')
        self.assertFails(access_checks.check_mongo, "quota-service: the code uses collections the role does not cover: ['waitlist']")

    def test_mongo_no_user_for_the_gateway(self):
        self.edit_both_tables('"users": [', '"users": [\n    {"user": "gateway", "db": "gateway", "passwordEnv": "GATEWAY_DB_PASSWORD", "collections": [], "appendOnly": []},')
        self.assertFails(access_checks.check_mongo, "exactly one user per service")

    def test_mongo_a_service_uses_its_own_user(self):
        self.edit("deploy/compose/compose.yaml", "MONGODB_URI: mongodb://referral-service:${REFERRAL_DB_PASSWORD:?",
                  "MONGODB_URI: mongodb://billing-service:${BILLING_DB_PASSWORD:?")
        self.assertFails(access_checks.check_mongo, "compose referral-service: MONGODB_URI must name user referral-service")

    def test_mongo_the_gateway_gets_no_database(self):
        self.edit("deploy/compose/compose.yaml", '''      MANAGEMENT_PORT: "8180"
''', '''      MANAGEMENT_PORT: "8180"
      MONGODB_URI: mongodb://mongo-1:27017/?replicaSet=rs0
''')
        self.assertFails(access_checks.check_mongo, "compose gateway: must have no database settings")

    def test_mongo_k8s_secret_names_the_services_own_user(self):
        self.edit("deploy/k8s/base/config/secret.template.yaml", "MONGODB_URI: mongodb://quota-service:REPLACE_ME",
                  "MONGODB_URI: mongodb://registry-service:REPLACE_ME")
        self.assertFails(access_checks.check_mongo, "k8s Secret quota-service-secrets")

    def test_mongo_members_authenticate_with_the_keyfile(self):
        self.edit("deploy/compose/compose.yaml", '"--keyFile", "/etc/mongo-keyfile/keyfile", ', "")
        self.assertFails(access_checks.check_mongo, "mongod without --keyFile")

    # ---- Kafka ----------------------------------------------------------------------------------------------

    def test_kafka_only_billing_writes_the_decisions(self):
        line = "quota-service      topic  billing.decisions.v1                           Write,Describe,DescribeConfigs\n"
        self.edit("deploy/compose/kafka/acls.txt", "# ---- billing-service", line + "# ---- billing-service")
        quota_writes = k8s_topic_acl("quota.events.v1", "Write, Describe, DescribeConfigs")
        self.edit("deploy/k8s/base/kafka/users.yaml", quota_writes,
                  quota_writes + "\n" + k8s_topic_acl("billing.decisions.v1", "Write, Describe, DescribeConfigs"))
        self.assertFails(access_checks.check_kafka, "only billing-service may write billing.decisions.v1")

    def test_kafka_each_event_topic_has_one_producer(self):
        line = "referral-service   topic  quota.events.v1                                Write,Describe,DescribeConfigs\n"
        self.edit("deploy/compose/kafka/acls.txt", "# ---- quota-service", line + "# ---- quota-service")
        self.assertFails(access_checks.check_kafka, "quota.events.v1: writers ['quota-service', 'referral-service']")

    def test_kafka_compose_and_k8s_acls_must_be_equal(self):
        self.edit("deploy/compose/kafka/acls.txt", "referral-service   topic  registry.catalogs.v1                           Read,Describe\n", "")
        self.assertFails(access_checks.check_kafka, "differ")

    def test_kafka_a_consumer_needs_read_on_every_topic_it_binds(self):
        # the gap k8s had before this check: quota-service consumes institutions and contracts
        for rel in ("deploy/compose/kafka/acls.txt",):
            self.edit(rel, "quota-service      topic  registry.institutions.v1                       Read,Describe\n", "")
        # quota-service's entries: institutions, then contracts, then its dead-letter topic
        quota_reads_on = k8s_topic_acl("registry.contracts.v1", "Read, Describe") + "\n" + k8s_topic_acl(
            "referral.events.v1.quota-service.dlq", "Write, Describe, DescribeConfigs")
        self.edit("deploy/k8s/base/kafka/users.yaml",
                  k8s_topic_acl("registry.institutions.v1", "Read, Describe") + "\n" + quota_reads_on, quota_reads_on)
        self.assertFails(access_checks.check_kafka, "quota-service: reads")

    def test_kafka_no_read_beyond_what_is_consumed(self):
        line = "referral-service   topic  billing.decisions.v1                           Read,Describe\n"
        self.edit("deploy/compose/kafka/acls.txt", "# ---- quota-service", line + "# ---- quota-service")
        self.assertFails(access_checks.check_kafka, "referral-service: reads")

    def test_kafka_only_its_own_group(self):
        self.edit("deploy/compose/kafka/acls.txt", "referral-service   group  referral-service ", "referral-service   group  quota-service    ")
        self.assertFails(access_checks.check_kafka, "referral-service: groups")

    def test_kafka_no_principal_for_the_gateway(self):
        self.edit("deploy/compose/kafka/acls.txt", "# ---- registry-service",
                  "gateway            topic  referral.events.v1                             Read,Describe\n# ---- registry-service")
        self.assertFails(access_checks.check_kafka, "one Kafka principal per backend service")

    def test_kafka_a_service_uses_its_own_principal(self):
        self.edit("deploy/compose/compose.yaml", 'username="referral-service" password="${REFERRAL_SERVICE_KAFKA_PASSWORD:?',
                  'username="quota-service" password="${QUOTA_SERVICE_KAFKA_PASSWORD:?')
        self.assertFails(access_checks.check_kafka, "compose referral-service: KAFKA_SASL_JAAS_CONFIG")

    def test_kafka_the_binder_gets_the_credentials_too(self):
        self.edit("platform/src/main/resources/platform-defaults.yaml", "            sasl.jaas.config: ${KAFKA_SASL_JAAS_CONFIG:}\n", "")
        self.assertFails(access_checks.check_kafka, "platform-defaults.yaml binder configuration")

    def test_kafka_k8s_enforces_acls(self):
        self.edit("deploy/k8s/base/kafka/kafka.yaml", "    authorization:\n      type: simple\n", "")
        self.assertFails(access_checks.check_kafka, "k8s Kafka: authorization simple")


if __name__ == "__main__":
    unittest.main()
