package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;

import static cn.referral.quota.domain.pool.Pools.HOSPITAL;
import static cn.referral.quota.domain.pool.Pools.anExpertClinic;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolPermissionsTest {

    private static final InstitutionId OTHER_HOSPITAL = new InstitutionId("wz-people-hospital");

    @ParameterizedTest(name = "{0} of the pool's institution: sees it {1}, manages pools {2}, sees the free reserve {3}")
    @CsvSource({
            "REFERRAL_DESK, true, true,  true",
            "DOCTOR,        true, false, true",
            "OTHER,         true, false, false"})
    void atThePoolsInstitutionEveryoneSeesItTheDeskManagesItAndThoseWhoReferSeeTheFreeReserve(
            ActorRole role, boolean sees, boolean manages, boolean seesFreeReserve) {
        Actor actor = new Actor(role, HOSPITAL);

        assertThat(PoolPermissions.maySee(anExpertClinic(10, 2), actor)).isEqualTo(sees);
        assertThat(PoolPermissions.maySeePoolsOf(HOSPITAL, actor)).isEqualTo(sees);
        assertThat(PoolPermissions.managesPools(actor)).isEqualTo(manages);
        assertThat(PoolPermissions.maySeeFreeReserve(actor)).isEqualTo(seesFreeReserve);
    }

    @ParameterizedTest(name = "{0} of another institution sees no pool of it, and the free reserve {1}")
    @CsvSource({"REFERRAL_DESK, true", "DOCTOR, true", "OTHER, false"})
    void anotherInstitutionsPoolsDoNotExistForItButThoseWhoReferSeeTheFreeReserve(ActorRole role,
                                                                                  boolean seesFreeReserve) {
        Actor actor = new Actor(role, OTHER_HOSPITAL);

        assertThat(PoolPermissions.maySee(anExpertClinic(10, 2), actor)).isFalse();
        assertThat(PoolPermissions.maySeePoolsOf(HOSPITAL, actor)).isFalse();
        assertThat(PoolPermissions.maySeeFreeReserve(actor)).isEqualTo(seesFreeReserve);
    }

    @ParameterizedTest(name = "{0} with no institution sees no pool")
    @CsvSource({"REFERRAL_DESK", "DOCTOR", "OTHER"})
    void aTokenWithoutAnInstitutionSeesNoPool(ActorRole role) {
        Actor actor = new Actor(role, null);

        assertThat(PoolPermissions.maySee(anExpertClinic(10, 2), actor)).isFalse();
        assertThat(PoolPermissions.maySeePoolsOf(HOSPITAL, actor)).isFalse();
    }
}
