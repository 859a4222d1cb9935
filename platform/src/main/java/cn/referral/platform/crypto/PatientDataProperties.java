package cn.referral.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Keys for patient data, base64 of 32 random bytes each, from the environment
 * ({@code PATIENT_DATA_KEY}, {@code PATIENT_PSEUDONYM_KEY}); {@code deploy/run-local} generates
 * them into its data dir. Never committed, never logged.
 * <p>
 * Rotation (docs/patient-data-keys.md): give the new key as {@code data-key} with a new
 * {@code data-key-id}, and move the old one to {@code retired-data-keys} ({@code id:base64}, comma
 * separated). New values are sealed with the new key; values sealed with a retired key stay readable
 * until the re-seal job has moved them to the new one.
 *
 * @param dataKey          AES-256-GCM key that seals new values
 * @param pseudonymKey     HMAC-SHA256 key for blind indexes and patient pseudonyms ({@code patientRef})
 * @param dataKeyId        the id of {@code dataKey}, written beside every value it seals (1 when not set)
 * @param retiredDataKeys  earlier data keys, readable only: {@code id:base64[,id:base64…]}
 */
@ConfigurationProperties("platform.patient-data")
public record PatientDataProperties(String dataKey, String pseudonymKey, Integer dataKeyId, String retiredDataKeys) {

    /** The one bound from configuration (a record with a second constructor must name it). */
    @ConstructorBinding
    public PatientDataProperties {
    }

    public PatientDataProperties(String dataKey, String pseudonymKey) {
        this(dataKey, pseudonymKey, null, null);
    }
}
