package cn.referral.registry.adapter.out.crypto;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.registry.application.port.out.PatientIdentities;

/**
 * The platform's keyed pseudonym and mask. The crypto bean is asked for on first use, so the registry
 * starts without patient-data keys and only contract signing needs them.
 */
@Component
class PlatformPatientIdentities implements PatientIdentities {

    private final ObjectProvider<PatientDataCrypto> crypto;

    PlatformPatientIdentities(ObjectProvider<PatientDataCrypto> crypto) {
        this.crypto = crypto;
    }

    @Override
    public String patientRef(String identityNumber) {
        return crypto.getObject().pseudonym(identityNumber);
    }

    @Override
    public String masked(String identityNumber) {
        return IdentityNumbers.mask(identityNumber);
    }
}
