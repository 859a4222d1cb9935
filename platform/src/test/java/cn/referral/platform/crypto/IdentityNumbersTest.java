package cn.referral.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumbersTest {

    private static final String NUMBER = "33030219600301" + "002" + IdentityNumbers.checkCharacter("33030219600301002");

    @Test
    void the_mask_shows_the_last_four_characters_only() {
        String masked = IdentityNumbers.mask(NUMBER);

        assertThat(masked).hasSize(18).endsWith(NUMBER.substring(14)).startsWith("*".repeat(14));
    }

    @Test
    void the_mask_keeps_neither_the_region_code_nor_any_digit_of_the_birth_date() {
        String masked = IdentityNumbers.mask(NUMBER);

        assertThat(masked).doesNotContain("330302").doesNotContain("1960").doesNotContain("0301");
        assertThat(masked.substring(0, 14)).matches("\\*{14}");
    }

    @Test
    void a_value_of_the_wrong_length_is_masked_whole() {
        assertThat(IdentityNumbers.mask("12345")).isEqualTo("******************");
    }
}
