package cn.referral.console.screens;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * GB 11643-1999 citizen identity numbers as the console checks them before sending: 17 digits and
 * the ISO 7064 MOD 11-2 check character, with a real birth date in digits 7-14. The birth date and
 * gender the API asks for are read from the number, so the doctor types them once. (The services
 * check again with the platform's {@code IdentityNumbers}; the console does not take the platform's
 * auto-configuration, so the few lines of the rule live here too.)
 */
final class IdentityNumberCheck {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IdentityNumberCheck() {
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase();
    }

    static boolean valid(String number) {
        if (number.length() != 18 || !number.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == number.charAt(17) && birthDate(number) != null;
    }

    static LocalDate birthDate(String number) {
        try {
            return LocalDate.parse(number.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String gender(String number) {
        return (number.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
    }

    /** What the console may show of a typed number: its last four characters. */
    static String masked(String number) {
        return number.length() < 4 ? "****" : "**************" + number.substring(number.length() - 4);
    }
}
