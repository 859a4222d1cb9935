package cn.referral.registry.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.referral.platform.web.ResidentIdentityNumber;
import cn.referral.registry.domain.contract.ContractTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /contracts}: the identity number (公民身份号码) and, beside it in the same object, the
 * terms ({@link ContractTermsRequest}, the body of a renewal). The only place the identity number enters the
 * registry: it is turned into the patient's pseudonym and masked form at once and never stored, logged or
 * echoed in clear.
 */
public record ContractRequest(
        @NotBlank @ResidentIdentityNumber String identityNumber,
        @JsonUnwrapped @Valid @NotNull ContractTermsRequest terms) {

    /** Never the number itself, should this ever reach a log line. */
    @Override
    public String toString() {
        return "ContractRequest[" + terms + "]";
    }

    ContractTerms toTerms() {
        return terms.toTerms();
    }
}
