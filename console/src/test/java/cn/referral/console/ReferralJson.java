package cn.referral.console;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referral-service's answers as it writes them today ({@code ReferralResponses.ReferralDetail}, the
 * history), for the gateway stand-in: the patient as revealed to an entitled reader, with the
 * identity number masked to its last four and only the birth year, never the birth date.
 */
final class ReferralJson {

    static final String SLOT_HELD_UP_REFERRAL = """
            {"id":"r-1","version":2,"state":"SLOT_HELD","direction":"UP","careType":"INPATIENT","urgency":"ROUTINE",
             "patient":{"name":"林*英","gender":"FEMALE","birthYear":1958,"maskedIdNumber":"**************1234",
                        "patientRef":"p-5f0c","insuranceScheme":"EMPLOYEE","insuranceRegionCode":"350583",
                        "maskedInsuredPersonNo":"******234","phone":"138****0000"},
             "diagnosisCode":"I21.0","diagnosisName":null,"reason":"需要上级医院进一步诊治",
             "clinicalSummary":"基层初步处置后病情需要专科处理","attachments":[],
             "fromInstitutionId":"na-shijing-thc","fromDepartment":"全科","toInstitutionId":"na-county-hospital",
             "toDepartment":"心血管内科","requestedFrom":"2026-11-27","requestedUntil":"2026-12-03",
             "sourceEpisode":{"admissionDate":"2026-11-25","dischargedOn":null,"deductiblePaidFen":20000},
             "continuityPlan":null,"contracted":true,"referringDoctorId":"na-shijing-gp-1",
             "eligibility":{"inCatalog":true,"catalogId":"cat-na-up","catalogEntry":"I21","overrideReason":null,
                            "toContractedInstitution":false,"explanation":["I21.0 is in 南安市上转目录"]},
             "deadlines":{"escalateAt":"2026-11-26T09:00:00Z","acceptBy":"2026-11-27T01:00:00Z","escalated":false,
                          "noShowAfter":null},
             "slot":{"state":"HELD","holdId":"h-1","poolId":"pool-1","date":"2026-11-27","session":"ALL_DAY",
                     "greenChannel":false,"waitlistPosition":null,"reason":null},
             "appointmentAt":null,
             "outcome":{"rejectReason":null,"rejectNote":null,"cancelReason":null,"completion":null},
             "submittedAt":"2026-11-26T01:00:00Z","acceptedAt":null,"arrivedAt":null,"closedAt":null,
             "allowedActions":["CANCEL"],
             "loop":{"upReferralId":null,"downReferralId":null,"downReferralPending":false},"scope":"IN_COUNTY"}""";

    static final String HISTORY = """
            {"referralId":"r-1","entries":[
              {"at":"2026-11-26T01:00:00Z","actorId":"na-shijing-gp-1","role":"PRIMARY_DOCTOR",
               "institutionId":"na-shijing-thc","action":"SUBMIT","from":null,"to":"SUBMITTED",
               "reason":"in catalog cat-na-up"},
              {"at":"2026-11-26T01:00:01Z","actorId":"system","role":"SYSTEM","institutionId":null,
               "action":"SLOT_HELD","from":"SUBMITTED","to":"SLOT_HELD","reason":"hold h-1"}]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferralJson() {
    }

    /**
     * {@code json} (a referral or a history) with these members replaced or added, each a name followed by its value
     * as JSON: {@code with(SLOT_HELD_UP_REFERRAL, "state", "\"CANCELLED\"", "allowedActions", "[]")}.
     */
    static String with(String json, String... members) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        for (int i = 0; i < members.length; i += 2) {
            node.set(members[i], JSON.readTree(members[i + 1]));
        }
        return node.toString();
    }

    /** {@link #HISTORY} with this line added after its own, as referral-service writes it ({@code reason} English). */
    static String historyThen(String action, String from, String to, String at, String reason) {
        ObjectNode history = (ObjectNode) JSON.readTree(HISTORY);
        ObjectNode line = ((ArrayNode) history.get("entries")).addObject();
        line.put("at", at).put("actorId", "na-county-desk-1").put("role", "REFERRAL_DESK")
                .put("institutionId", "na-county-hospital").put("action", action).put("from", from).put("to", to)
                .put("reason", reason);
        return history.toString();
    }
}
