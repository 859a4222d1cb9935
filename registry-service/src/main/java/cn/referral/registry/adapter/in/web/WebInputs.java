package cn.referral.registry.adapter.in.web;

import cn.referral.platform.web.ProblemException;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.catalog.DiagnosisCode;

/** Shapes of request values, checked before they reach the domain, so a bad one is a 400 naming its field. */
final class WebInputs {

    static final String REGION_CODE = "\\d{6}";
    static final String REGION_CODE_MESSAGE = "must be a six-digit GB/T 2260 region code";
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String ID_MESSAGE = "must be an id: letters, digits, '.', '_' or '-', at most 64";

    private WebInputs() {
    }

    static DiagnosisCode diagnosis(String value) {
        try {
            return new DiagnosisCode(value);
        } catch (RegistryRuleViolation invalid) {
            throw ProblemException.invalidField("diagnosis", invalid.getMessage());
        }
    }
}
