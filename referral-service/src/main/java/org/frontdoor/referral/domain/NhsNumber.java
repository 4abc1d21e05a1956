package org.frontdoor.referral.domain;

/** NHS numbers: ten digits whose last is a modulus-11 check digit. */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The ten digits without spaces, or null when the text is not a valid NHS number. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "").replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0' ? digits : null;
    }
}
