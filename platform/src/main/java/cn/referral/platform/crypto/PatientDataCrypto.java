package cn.referral.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Protects patient identifiers (PIPL; DESIGN §5). {@link #seal} encrypts a value with Tink's AEAD
 * (AES-256-GCM) bound to where it belongs ({@link SealContext}: collection, document, field, as
 * associated data), and names the key that sealed it; {@link #pseudonym} gives the keyed HMAC that
 * serves as blind index and as the {@code patientRef} other services see instead of the number.
 * <p>
 * Format: {@code v2:k<keyId>:} + base64 of Tink's ciphertext (which repeats the key id in its prefix).
 * The clear key id lets a re-seal job find what an older key sealed; {@link #unseal} opens values of
 * every configured key, {@link #seal} uses the current one. Values of the first format ({@code v1:},
 * AES-GCM without associated data or key id) still open, with any configured key, until re-sealed
 * ({@link #reseal}); see docs/patient-data-keys.md.
 */
public class PatientDataCrypto {

    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:k";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String DATA_KEY = "platform.patient-data.data-key (PATIENT_DATA_KEY)";
    private static final String PSEUDONYM_KEY = "platform.patient-data.pseudonym-key (PATIENT_PSEUDONYM_KEY)";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD unavailable", e);
        }
    }

    private final SecretKeySpec pseudonymKey;
    private final int currentKeyId;
    private final Aead aead;
    private final List<SecretKeySpec> legacyKeys = new ArrayList<>();

    /**
     * Each service is given only the keys it needs (DESIGN §5): registry-service the pseudonym key,
     * billing-service the data key, referral-service both. Using a key that is not given fails with
     * its name; a key that is given but malformed fails here, at startup.
     */
    public PatientDataCrypto(PatientDataProperties properties) {
        this.pseudonymKey = blank(properties.pseudonymKey()) ? null : new SecretKeySpec(
                key(PSEUDONYM_KEY, properties.pseudonymKey()), "HmacSHA256");
        this.currentKeyId = properties.dataKeyId() == null ? 1 : properties.dataKeyId();
        if (currentKeyId <= 0) {
            throw new IllegalStateException("platform.patient-data.data-key-id (PATIENT_DATA_KEY_ID) must be positive");
        }
        if (blank(properties.dataKey())) {
            this.aead = null;
            return;
        }
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        keys.put(currentKeyId, key(DATA_KEY, properties.dataKey()));
        keys.putAll(retired(properties.retiredDataKeys(), currentKeyId));
        keys.values().forEach(bytes -> legacyKeys.add(new SecretKeySpec(bytes, "AES")));
        this.aead = aeadOf(keys, currentKeyId);
    }

    /** The keyed pseudonym of a value: stable, not reversible without the key. 64 hex characters. */
    public String pseudonym(String value) {
        if (pseudonymKey == null) {
            throw missing(PSEUDONYM_KEY);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Seals {@code plaintext} with the current key, for {@code context} only. */
    public String seal(String plaintext, SealContext context) {
        if (aead == null) {
            throw missing(DATA_KEY);
        }
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.associatedData());
            return currentPrefix() + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD unavailable", e);
        }
    }

    /**
     * Opens a value made by {@link #seal} for the same context with any configured key, or a value of
     * the first format; fails if it was altered, belongs to another document or field, or its key is
     * not configured.
     */
    public String unseal(String sealedValue, SealContext context) {
        if (aead == null) {
            throw missing(DATA_KEY);
        }
        if (sealedValue != null && sealedValue.startsWith(LEGACY_PREFIX)) {
            return unsealLegacy(sealedValue);
        }
        if (sealedValue == null || !sealedValue.startsWith(PREFIX) || sealedValue.indexOf(':', PREFIX.length()) < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(sealedValue.substring(sealedValue.indexOf(':', PREFIX.length()) + 1));
            return new String(aead.decrypt(ciphertext, context.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value cannot be opened here (altered, moved, or its key is "
                    + "not configured)", e);
        }
    }

    /** Whether the value is sealed with the current key in the current format (else {@link #reseal} it). */
    public boolean isCurrent(String sealedValue) {
        return sealedValue != null && sealedValue.startsWith(currentPrefix());
    }

    /** The value sealed anew with the current key, for the same context. */
    public String reseal(String sealedValue, SealContext context) {
        return isCurrent(sealedValue) ? sealedValue : seal(unseal(sealedValue, context), context);
    }

    /** How every value sealed with the current key begins: {@code v2:k<keyId>:}. */
    public String currentPrefix() {
        return PREFIX + currentKeyId + ":";
    }

    private String unsealLegacy(String sealedValue) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealedValue.substring(LEGACY_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value cannot be opened (not base64)", e);
        }
        for (SecretKeySpec key : legacyKeys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
                return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException anotherKey) {
                // try the next configured key
            }
        }
        throw new IllegalArgumentException("sealed value cannot be opened (altered, or its key is not configured)");
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException(key + " is not set: give it base64 of 32 random bytes "
                + "(e.g. `openssl rand -base64 32`); deploy/run-local generates one into its data dir");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Aead aeadOf(Map<Integer, byte[]> keys, int currentKeyId) {
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(NONCE_BYTES)
                    .setTagSizeBytes(TAG_BITS / 8).setVariant(AesGcmParameters.Variant.TINK).build();
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            for (Map.Entry<Integer, byte[]> key : keys.entrySet()) {
                AesGcmKey aesGcm = AesGcmKey.builder().setParameters(parameters)
                        .setKeyBytes(SecretBytes.copyFrom(key.getValue(), InsecureSecretKeyAccess.get()))
                        .setIdRequirement(key.getKey()).build();
                KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesGcm);
                keyset.addEntry(key.getKey() == currentKeyId ? entry.makePrimary() : entry);
            }
            return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the patient data keyset", e);
        }
    }

    private static Map<Integer, byte[]> retired(String configured, int currentKeyId) {
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        if (configured == null || configured.isBlank()) {
            return keys;
        }
        for (String entry : configured.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            int id;
            try {
                id = Integer.parseInt(idAndKey[0].strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("platform.patient-data.retired-data-keys (PATIENT_DATA_RETIRED_KEYS): "
                        + "each entry is id:base64", e);
            }
            if (idAndKey.length != 2 || id <= 0 || id == currentKeyId || keys.containsKey(id)) {
                throw new IllegalStateException("platform.patient-data.retired-data-keys (PATIENT_DATA_RETIRED_KEYS): "
                        + "each entry is id:base64 with a positive id used once and not the current key's");
            }
            keys.put(id, key("retired data key " + id, idAndKey[1]));
        }
        return keys;
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
