package cn.referral.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PatientDataCryptoTest {

    private static final String OLD_KEY = randomKey();
    private static final String NEW_KEY = randomKey();
    private static final String PSEUDONYM_KEY = randomKey();
    private static final SealContext NAME_OF_R1 = new SealContext("referrals", "r-1", "patient.name");

    private final PatientDataCrypto before = new PatientDataCrypto(
            new PatientDataProperties(OLD_KEY, PSEUDONYM_KEY, 1, null));
    private final PatientDataCrypto rotated = new PatientDataCrypto(
            new PatientDataProperties(NEW_KEY, PSEUDONYM_KEY, 2, "1:" + OLD_KEY));

    @Test
    void aSealedValueOpensInItsOwnDocumentAndFieldAndNamesItsKey() {
        String sealed = before.seal("林秀英", NAME_OF_R1);

        assertThat(sealed).startsWith("v2:k1:").doesNotContain("林秀英");
        assertThat(before.unseal(sealed, NAME_OF_R1)).isEqualTo("林秀英");
        assertThat(before.seal("林秀英", NAME_OF_R1)).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void aSealedValueMovedToAnotherDocumentOrFieldDoesNotOpen() {
        String sealed = before.seal("330302196003010023", new SealContext("referrals", "r-1", "patient.idNumber"));

        assertThatThrownBy(() -> before.unseal(sealed, new SealContext("referrals", "r-2", "patient.idNumber")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> before.unseal(sealed, new SealContext("referrals", "r-1", "patient.phone")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldOnesStillOpenUntilResealed() {
        String old = before.seal("13800001111", NAME_OF_R1);

        assertThat(rotated.unseal(old, NAME_OF_R1)).isEqualTo("13800001111");
        assertThat(rotated.isCurrent(old)).isFalse();
        String resealed = rotated.reseal(old, NAME_OF_R1);
        assertThat(resealed).startsWith("v2:k2:");
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(rotated.unseal(resealed, NAME_OF_R1)).isEqualTo("13800001111");
        assertThatThrownBy(() -> before.unseal(resealed, NAME_OF_R1)).as("the old key alone cannot open it")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rotated.seal("x", NAME_OF_R1)).startsWith(rotated.currentPrefix());
    }

    @Test
    void valuesOfTheFirstFormatStillOpenAndAreResealedWithContextAndKeyId() {
        String legacy = legacySeal("330302196003010023", OLD_KEY);

        assertThat(before.unseal(legacy, NAME_OF_R1)).isEqualTo("330302196003010023");
        assertThat(rotated.unseal(legacy, NAME_OF_R1)).as("with a retired key too").isEqualTo("330302196003010023");
        assertThat(before.isCurrent(legacy)).isFalse();
        assertThat(before.reseal(legacy, NAME_OF_R1)).startsWith("v2:k1:");
    }

    @Test
    void aRetiredKeyListThatReusesTheCurrentIdIsRefusedAtStartup() {
        assertThatThrownBy(() -> new PatientDataCrypto(new PatientDataProperties(NEW_KEY, PSEUDONYM_KEY, 2,
                "2:" + OLD_KEY))).isInstanceOf(IllegalStateException.class).hasMessageContaining("PATIENT_DATA_RETIRED_KEYS");
    }

    @Test
    void aServiceGivenOnlyThePseudonymKeyMakesPseudonymsAndCannotSeal() {
        PatientDataCrypto registry = new PatientDataCrypto(new PatientDataProperties(null, PSEUDONYM_KEY));

        assertThat(registry.pseudonym("330302196003010023")).isEqualTo(before.pseudonym("330302196003010023"));
        assertThatThrownBy(() -> registry.seal("x", NAME_OF_R1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PATIENT_DATA_KEY");
        PatientDataCrypto billing = new PatientDataCrypto(new PatientDataProperties(OLD_KEY, null));
        assertThat(billing.unseal(before.seal("x", NAME_OF_R1), NAME_OF_R1)).isEqualTo("x");
        assertThatThrownBy(() -> billing.pseudonym("x")).hasMessageContaining("PATIENT_PSEUDONYM_KEY");
    }

    /** What the first format wrote: v1: + base64(nonce ‖ AES-GCM ciphertext ‖ tag), no associated data. */
    private static String legacySeal(String plaintext, String base64Key) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
