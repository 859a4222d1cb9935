package cn.referral.referral.adapter.in.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.referral.ReferralFixtures;
import cn.referral.referral.domain.referral.ReferralState;

/** The state mappings of docs/fhir.md, and searches read back into the states behind a status. */
class FhirMappingTest {

    @Test
    void taskStatusesMapBackToTheStatesBehindThem() {
        assertThat(FhirSearchParameters.tasks(query("status", "requested")).states())
                .containsExactlyInAnyOrder(ReferralState.SUBMITTED, ReferralState.SLOT_HELD, ReferralState.WAITLISTED);
        assertThat(FhirSearchParameters.tasks(query("status", "failed,accepted")).states())
                .containsExactlyInAnyOrder(ReferralState.EXPIRED, ReferralState.NO_SHOW, ReferralState.ACCEPTED);
        assertThat(FhirSearchParameters.tasks(query("status", "draft")).states()).as("no state is a draft").isEmpty();
        assertThat(FhirSearchParameters.serviceRequests(query("status", "revoked")).states())
                .containsExactlyInAnyOrder(ReferralState.REJECTED, ReferralState.CANCELLED, ReferralState.EXPIRED,
                        ReferralState.NO_SHOW);
        Set<ReferralState> everyTaskStatus = EnumSet.noneOf(ReferralState.class);
        for (ReferralState state : ReferralState.values()) {
            everyTaskStatus.addAll(FhirSearchParameters.tasks(query("status",
                    FhirResources.taskStatus(state).toCode())).states());
        }
        assertThat(everyTaskStatus).as("every state is found by its own Task status").hasSize(ReferralState.values().length);
    }

    @Test
    void referencesAndPagingAreRead() {
        MultiValueMap<String, String> params = query("owner", "Organization/wz-wmu-first-hospital");
        params.add("_count", "5");
        params.add("_offset", "10");
        var search = FhirSearchParameters.tasks(params);
        assertThat(search.toInstitutionId()).isEqualTo(new InstitutionId("wz-wmu-first-hospital"));
        assertThat(search.states()).as("no status: any").isNull();
        assertThat(search.count()).isEqualTo(5);
        assertThat(search.offset()).isEqualTo(10);
    }

    @Test
    void aBadParameterIsNamed() {
        assertThatThrownBy(() -> FhirSearchParameters.serviceRequests(query("status", "finished")))
                .isInstanceOfSatisfying(FhirBadRequest.class, e -> assertThat(e.parameter()).isEqualTo("status"));
        assertThatThrownBy(() -> FhirSearchParameters.serviceRequests(query("_count", "500")))
                .isInstanceOfSatisfying(FhirBadRequest.class, e -> assertThat(e.parameter()).isEqualTo("_count"));
        assertThatThrownBy(() -> FhirSearchParameters.tasks(query("requester", "Organization/x")))
                .isInstanceOfSatisfying(FhirBadRequest.class, e -> assertThat(e.parameter()).isEqualTo("requester"));
        MultiValueMap<String, String> twice = query("performer", "a");
        twice.add("performer", "b");
        assertThatThrownBy(() -> FhirSearchParameters.serviceRequests(twice))
                .isInstanceOfSatisfying(FhirBadRequest.class, e -> assertThat(e.parameter()).isEqualTo("performer"));
    }

    @Test
    void thePatientShowsFourCharactersOfTheIdentityNumberAndNothingElse() {
        var patient = FhirResources.patient(ReferralFixtures.aPatient());
        String masked = ReferralFixtures.aPatient().maskedIdNumber();
        assertThat(patient.getIdentifier().get(1).getValue())
                .isEqualTo("**************" + masked.substring(masked.length() - 4));
        assertThat(patient.hasName()).isFalse();
        assertThat(patient.hasBirthDate()).isFalse();
        assertThat(patient.hasGender()).isFalse();
        assertThat(patient.hasTelecom()).isFalse();
    }

    @Test
    void urgencyBecomesPriority() {
        assertThat(FhirResources.serviceRequest(ReferralFixtures.aSubmittedUpReferral(
                cn.referral.referral.domain.referral.Urgency.EMERGENCY)).getPriority().toCode()).isEqualTo("stat");
    }

    private static MultiValueMap<String, String> query(String name, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(name, value);
        return query;
    }
}
