package cn.referral.platform.audit;

import java.util.Arrays;
import java.util.Locale;

import cn.referral.platform.web.ProblemException;

/**
 * The purpose a reader declares in {@value #HEADER}: a code from {@link AccessPurpose}, optionally
 * followed by {@code ;} and a short note ({@code REFERRAL_HANDLING; 预约前核对}). Anything else, or
 * a note longer than {@value #MAX_NOTE} characters, is a 400 naming the header: free text of any
 * length would make the audit trail both unbounded and unsearchable.
 *
 * @param code the declared purpose
 * @param note the caller's note, or null
 */
public record DeclaredPurpose(AccessPurpose code, String note) {

    public static final String HEADER = "X-Access-Purpose";
    public static final int MAX_NOTE = 200;
    private static final int MAX_HEADER = 64 + MAX_NOTE;

    /**
     * The purpose in the header, or {@code fallback} with no note when the header is absent or blank.
     *
     * @throws ProblemException 400 naming {@value #HEADER} when the code is unknown or the note too long
     */
    public static DeclaredPurpose parse(String header, AccessPurpose fallback) {
        if (header == null || header.isBlank()) {
            return new DeclaredPurpose(fallback, null);
        }
        if (header.length() > MAX_HEADER) {
            throw invalid("is at most a purpose code and a note of " + MAX_NOTE + " characters");
        }
        int separator = header.indexOf(';');
        String code = (separator < 0 ? header : header.substring(0, separator)).strip().toUpperCase(Locale.ROOT);
        String note = separator < 0 ? null : header.substring(separator + 1).strip();
        AccessPurpose purpose = Arrays.stream(AccessPurpose.values()).filter(p -> p.name().equals(code)).findFirst()
                .orElseThrow(() -> invalid("must start with one of " + Arrays.toString(AccessPurpose.values())));
        if (note != null && note.length() > MAX_NOTE) {
            throw invalid("note must be at most " + MAX_NOTE + " characters");
        }
        if (note != null && note.chars().anyMatch(Character::isISOControl)) {
            throw invalid("note must not contain control characters");
        }
        return new DeclaredPurpose(purpose, note == null || note.isEmpty() ? null : note);
    }

    /**
     * The header as it is to be recorded, or null when the caller declared none (the use case then
     * records the purpose usual for the caller's role).
     *
     * @throws ProblemException 400 naming {@value #HEADER} when the code is unknown or the note too long
     */
    public static String recordedOrNull(String header) {
        return header == null || header.isBlank() ? null : parse(header, AccessPurpose.AUDIT).recorded();
    }

    /** As recorded in the audit trail: the code, then the note if there is one. */
    public String recorded() {
        return note == null ? code.name() : code.name() + "; " + note;
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidField(HEADER, message);
    }
}
