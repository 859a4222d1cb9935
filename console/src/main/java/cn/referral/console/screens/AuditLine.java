package cn.referral.console.screens;

import tools.jackson.databind.JsonNode;

/**
 * One audit record of a referral as the auditor's page says it: who read, in which role and institution, what
 * they did and why. The purpose is recorded as a code of docs/audit.md, optionally followed by {@code ;} and the
 * reader's note; the page says the code in words and shows the note beside it.
 *
 * @param institutionId the reader's institution, or null for a reader without one (an auditor)
 * @param purposeCode   the purpose's code, as recorded
 * @param purposeNote   the reader's note, or null
 */
record AuditLine(String at, String actorId, String role, String institutionId, String action, String purposeCode,
                 String purposeNote) {

    static AuditLine of(JsonNode record) {
        String purpose = text(record, "purpose");
        int separator = purpose == null ? -1 : purpose.indexOf(';');
        String note = separator < 0 ? null : purpose.substring(separator + 1).strip();
        return new AuditLine(text(record, "at"), text(record, "actorId"), text(record, "role"),
                text(record, "institutionId"), text(record, "action"),
                separator < 0 ? purpose : purpose.substring(0, separator).strip(),
                note == null || note.isEmpty() ? null : note);
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
