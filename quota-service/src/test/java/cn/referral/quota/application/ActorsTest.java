package cn.referral.quota.application;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.quota.domain.pool.Actor;
import cn.referral.quota.domain.pool.ActorRole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorsTest {

    @ParameterizedTest(name = "{0} is {1} to the pools")
    @CsvSource({
            "REFERRAL_DESK,   REFERRAL_DESK",
            "HOSPITAL_DOCTOR, DOCTOR",
            "PRIMARY_DOCTOR,  DOCTOR",
            "INSURER,         OTHER",
            "AUDITOR,         OTHER",
            "REGISTRY_ADMIN,  OTHER"})
    void eachRoleIsTheCapacityThatMattersForPools(Role role, ActorRole expected) {
        assertThat(Actors.of(new Caller("u-1", Set.of(role), "wz-wmu-first-hospital", null)))
                .isEqualTo(new Actor(expected, new InstitutionId("wz-wmu-first-hospital")));
    }

    @Test
    void aDoctorWhoAlsoWorksAtTheDeskManagesPools() {
        Caller both = new Caller("u-1", Set.of(Role.HOSPITAL_DOCTOR, Role.REFERRAL_DESK), "wz-wmu-first-hospital", null);

        assertThat(Actors.of(both).role()).isEqualTo(ActorRole.REFERRAL_DESK);
    }

    @Test
    void aTokenNamingNoInstitutionWorksAtNone() {
        assertThat(Actors.of(new Caller("insurer", Set.of(Role.INSURER), null, "350583")).institutionId()).isNull();
        assertThat(Actors.of(new Caller("desk", Set.of(Role.REFERRAL_DESK), " ", null)).institutionId()).isNull();
    }
}
