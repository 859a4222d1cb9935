package cn.referral.referral.adapter.in.web.fhir;

/**
 * The identifier and code systems of the FHIR view. Our own codes (states, levels, reasons) live
 * under one base; a region that registers its own canonical URLs (or OIDs) replaces this base and
 * nothing else (docs/fhir.md). Standard systems are used wherever one fits.
 */
final class FhirSystems {

    static final String BASE = "https://two-way-referral.example.org/fhir";

    static final String REFERRAL_ID = BASE + "/sid/referral-id";
    static final String INSTITUTION_ID = BASE + "/sid/institution-id";
    static final String ALLIANCE_ID = BASE + "/sid/alliance-id";
    static final String PATIENT_REF = BASE + "/sid/patient-ref";
    static final String REFERRAL_STATE = BASE + "/CodeSystem/referral-state";
    static final String DIRECTION = BASE + "/CodeSystem/referral-direction";
    static final String CARE_TYPE = BASE + "/CodeSystem/care-type";
    static final String INSTITUTION_LEVEL = BASE + "/CodeSystem/institution-level";
    static final String ORGANIZATION_KIND = BASE + "/CodeSystem/organization-kind";
    static final String REJECT_REASON = BASE + "/CodeSystem/reject-reason";
    static final String CANCEL_REASON = BASE + "/CodeSystem/cancel-reason";
    static final String CLOSING_REASON = BASE + "/CodeSystem/closing-reason";
    static final String TASK_OUTPUT = BASE + "/CodeSystem/task-output";
    static final String TREATMENT_OUTCOME = BASE + "/CodeSystem/treatment-outcome";

    /** WHO ICD-10; the codes are what the referring doctor entered (China's clinical edition extends some). */
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String SNOMED = "http://snomed.info/sct";
    static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";
    static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

    private FhirSystems() {
    }
}
