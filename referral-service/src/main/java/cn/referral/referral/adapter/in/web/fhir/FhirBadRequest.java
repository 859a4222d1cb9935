package cn.referral.referral.adapter.in.web.fhir;

/** A search parameter (or other request part) the FHIR view cannot use: 400, naming it. */
class FhirBadRequest extends RuntimeException {

    private final String parameter;

    FhirBadRequest(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
