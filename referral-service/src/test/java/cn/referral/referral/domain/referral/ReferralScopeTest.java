package cn.referral.referral.domain.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 2260: two digits province, four city, six county or district. */
class ReferralScopeTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(nullValues = "null", textBlock = """
            350583, 350583, IN_COUNTY
            350583, 350582, OUT_OF_COUNTY
            330302, 330303, OUT_OF_COUNTY
            350583, 350502, OUT_OF_COUNTY
            350583, 350100, OUT_OF_CITY
            330302, 350583, OUT_OF_PROVINCE
            110101, 310101, OUT_OF_PROVINCE
            110101, 110105, OUT_OF_COUNTY
            null,   350583, null
            350583, 35058,  null
            35058a, 350583, null
            """)
    void theScopeComesFromTheTwoRegionCodes(String from, String to, ReferralScope expected) {
        assertThat(ReferralScope.between(from, to)).isEqualTo(expected);
        if (expected != null) {
            assertThat(expected.outOfCounty()).isEqualTo(expected != ReferralScope.IN_COUNTY);
        }
    }
}
