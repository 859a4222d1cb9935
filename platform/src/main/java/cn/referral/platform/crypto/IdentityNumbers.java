package cn.referral.platform.crypto;

import java.util.regex.Pattern;

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 17 digits and a check character over
 * ISO 7064 MOD 11-2. They are validated on the way in, stored only encrypted, looked up through
 * a blind index, and shown only masked.
 */
public final class IdentityNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdentityNumbers() {
    }

    /** Whether {@code value} is an 18-character identity number with a correct check character. */
    public static boolean isValid(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        return value.charAt(17) == checkCharacter(value.substring(0, 17));
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Shown form: fourteen asterisks and the last 4 characters (e.g. {@code **************123X}).
     * Nothing of the region code or the birth date (digits 7–14) is kept: shown beside a birth date
     * the old 6 + 4 mask gave the whole number back (DESIGN §5).
     */
    public static String mask(String value) {
        if (value == null || value.length() != 18) {
            return "******************";
        }
        return "*".repeat(14) + value.substring(14);
    }
}
