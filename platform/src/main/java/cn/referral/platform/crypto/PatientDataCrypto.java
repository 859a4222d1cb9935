package cn.referral.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects patient identifiers (PIPL; DESIGN §5): {@link #seal} encrypts a value with
 * AES-256-GCM (random 96-bit nonce, authenticated), {@link #pseudonym} gives the keyed HMAC that
 * serves as blind index and as the {@code patientRef} other services see instead of the number.
 */
public class PatientDataCrypto {

    private static final String SEALED_PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec dataKey;
    private final SecretKeySpec pseudonymKey;
    private final SecureRandom random = new SecureRandom();

    public PatientDataCrypto(PatientDataProperties properties) {
        this.dataKey = new SecretKeySpec(key("platform.patient-data.data-key (PATIENT_DATA_KEY)",
                properties.dataKey()), "AES");
        this.pseudonymKey = new SecretKeySpec(key("platform.patient-data.pseudonym-key (PATIENT_PSEUDONYM_KEY)",
                properties.pseudonymKey()), "HmacSHA256");
    }

    /** The keyed pseudonym of a value: stable, not reversible without the key. 64 hex characters. */
    public String pseudonym(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). */
    public String seal(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a value made by {@link #seal}; fails if it was altered or sealed with another key. */
    public String unseal(String sealedValue) {
        if (sealedValue == null || !sealedValue.startsWith(SEALED_PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedValue.substring(SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value cannot be opened (altered, or another key)", e);
        }
    }

    private static byte[] key(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(name + " is not set: give it base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`); deploy/run-local generates one into its data dir");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes, is " + key.length);
        }
        return key;
    }
}
