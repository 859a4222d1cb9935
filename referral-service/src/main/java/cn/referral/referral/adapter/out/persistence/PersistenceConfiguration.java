package cn.referral.referral.adapter.out.persistence;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.audit.AuditConfiguration;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealedFields;

/** Reads of patient data are audited, chained per day so a rewritten record shows (DESIGN §5). */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
class PersistenceConfiguration {

    /**
     * The sealed patient details of referrals, which platform's re-seal job moves to the current key (and
     * values of the first format to the current one); docs/patient-data-keys.md.
     */
    @Bean
    SealedFields sealedReferrals(ReactiveMongoTemplate mongo, PatientDataCrypto crypto) {
        return new SealedFields(mongo, crypto, ReferralDocument.COLLECTION, "referrals", List.of(
                new SealedFields.Field("request.patient.name.value", "patient.name"),
                new SealedFields.Field("request.patient.birthDate.value", "patient.birthDate"),
                new SealedFields.Field("request.patient.idNumber.value", "patient.idNumber"),
                new SealedFields.Field("request.patient.phone.value", "patient.phone"),
                new SealedFields.Field("request.patient.insurance.insuredPersonNo.value", "patient.insuredPersonNo")));
    }

    /** Indexes exist before the first request: created at startup, on the main thread. */
    @Bean
    SmartInitializingSingleton referralIndexes(MongoReferralStore referrals, MongoAuditTrail audit,
                                               MongoSlotLedger slots) {
        return () -> referrals.ensureIndexes().then(audit.ensureIndexes()).then(slots.ensureIndexes())
                .block(Duration.ofSeconds(30));
    }
}
