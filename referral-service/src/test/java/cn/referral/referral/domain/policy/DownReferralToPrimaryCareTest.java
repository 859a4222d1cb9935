package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;

/** Seed 001 (五) 3: 由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊人数. */
class DownReferralToPrimaryCareTest {

    @ParameterizedTest(name = "{0} → {1} ({2}): {3}")
    @CsvSource(nullValues = "null", textBlock = """
            TERTIARY,  PRIMARY,        COMMUNITY_HEALTH_CENTRE, true
            SECONDARY, PRIMARY,        TOWNSHIP_HEALTH_CENTRE,  true
            SECONDARY, VILLAGE_CLINIC, VILLAGE_CLINIC,          true
            TERTIARY,  SECONDARY,      REHABILITATION,          true
            TERTIARY,  SECONDARY,      NURSING,                 true
            TERTIARY,  SECONDARY,      GENERAL_HOSPITAL,        false
            TERTIARY,  SECONDARY,      null,                    false
            PRIMARY,   VILLAGE_CLINIC, VILLAGE_CLINIC,          false
            UNRATED,   PRIMARY,        COMMUNITY_HEALTH_CENTRE, false
            """)
    void countsHospitalsSendingToPrimaryOrChronicCare(InstitutionLevel from, InstitutionLevel to, String kind,
                                                      boolean counts) {
        Institution source = new Institution(new InstitutionId("a"), "a", from, "350583", true, 1, List.of(), "GENERAL_HOSPITAL");
        Institution target = new Institution(new InstitutionId("b"), "b", to, "350583", true, 1, List.of(), kind);
        assertThat(DownReferralToPrimaryCare.counts(source, target)).isEqualTo(counts);
    }
}
