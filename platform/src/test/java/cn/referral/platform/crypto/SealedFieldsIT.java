package cn.referral.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.referral.platform.testing.MongoStandInDatabase;

/** The re-seal job after a key rotation: every value ends up sealed with the new key, for its own document. */
class SealedFieldsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OLD_KEY = randomKey();
    private static final String NEW_KEY = randomKey();
    private static final String PSEUDONYM_KEY = randomKey();
    private static final List<SealedFields.Field> FIELDS = List.of(
            new SealedFields.Field("patient.name.value", "patient.name"),
            new SealedFields.Field("patient.phone.value", "patient.phone"));

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("reseal-it");

    private final ReactiveMongoTemplate mongo = DATABASE.template();

    @Test
    void afterARotationTheJobResealsEveryOldValueOnceAndLeavesCurrentOnesAlone() {
        PatientDataCrypto before = new PatientDataCrypto(new PatientDataProperties(OLD_KEY, PSEUDONYM_KEY, 1, null));
        PatientDataCrypto after = new PatientDataCrypto(new PatientDataProperties(NEW_KEY, PSEUDONYM_KEY, 2,
                "1:" + OLD_KEY));
        for (int n = 0; n < 5; n++) {
            mongo.insert(referral("r-" + n, before, "患者" + n, n % 2 == 0 ? "1380000000" + n : null), "referrals")
                    .block(WAIT);
        }
        mongo.insert(referral("r-new", after, "新患者", "13900000000"), "referrals").block(WAIT);
        SealedFields job = new SealedFields(mongo, after, "referrals", "referrals", FIELDS);

        assertThat(job.resealBatch(2).block(WAIT)).isEqualTo(2);
        assertThat(job.resealBatch(100).block(WAIT)).isEqualTo(3);
        assertThat(job.resealBatch(100).block(WAIT)).as("nothing left to do").isZero();

        for (int n = 0; n < 5; n++) {
            Document stored = mongo.findOne(new Query(Criteria.where("_id").is("r-" + n)), Document.class, "referrals")
                    .block(WAIT);
            String name = stored.get("patient", Document.class).get("name", Document.class).getString("value");
            assertThat(name).startsWith("v2:k2:");
            assertThat(after.unseal(name, new SealContext("referrals", "r-" + n, "patient.name"))).isEqualTo("患者" + n);
        }
        PatientDataCrypto newKeyOnly = new PatientDataCrypto(new PatientDataProperties(NEW_KEY, PSEUDONYM_KEY, 2, null));
        Document r0 = mongo.findOne(new Query(Criteria.where("_id").is("r-0")), Document.class, "referrals").block(WAIT);
        assertThat(newKeyOnly.unseal(r0.get("patient", Document.class).get("phone", Document.class).getString("value"),
                new SealContext("referrals", "r-0", "patient.phone"))).as("the old key can now be retired")
                .isEqualTo("13800000000");
    }

    private static Document referral(String id, PatientDataCrypto crypto, String name, String phone) {
        Document patient = new Document("name",
                new Document("value", crypto.seal(name, new SealContext("referrals", id, "patient.name"))));
        patient.put("phone", phone == null ? null
                : new Document("value", crypto.seal(phone, new SealContext("referrals", id, "patient.phone"))));
        return new Document("_id", id).append("patient", patient);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
