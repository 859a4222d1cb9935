package cn.referral.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for patient data, base64 of 32 random bytes each, from the environment
 * ({@code PATIENT_DATA_KEY}, {@code PATIENT_PSEUDONYM_KEY}); {@code deploy/run-local} generates
 * them into its data dir. Never committed, never logged.
 *
 * @param dataKey      AES-256-GCM key for fields stored or sent sealed
 * @param pseudonymKey HMAC-SHA256 key for blind indexes and patient pseudonyms ({@code patientRef})
 */
@ConfigurationProperties("platform.patient-data")
public record PatientDataProperties(String dataKey, String pseudonymKey) {
}
