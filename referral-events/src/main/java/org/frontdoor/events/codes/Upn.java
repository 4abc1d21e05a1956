package org.frontdoor.events.codes;

import java.util.Optional;

/**
 * The unique pupil number (UPN) that schools in England give a child: 13 characters, a check letter,
 * the 3-digit code of the local authority that issued it, 8 more digits, and a last character that is
 * a digit (a permanent UPN) or a letter (a temporary one).
 *
 * <p>The check letter (DfE algorithm): weight characters 2 to 13 by 2 to 13 (a letter in position 13
 * counts as its place in the check alphabet), add up, take the remainder on division by 23, and read
 * that place in the alphabet A-Z without I, O and S (0 = A, ... 22 = Z).
 */
public final class Upn {

    /** The 23 letters a UPN uses, in check-value order. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private Upn() {
    }

    /** Well formed (letter, 11 digits, digit or letter, upper case) and with the right check letter. */
    public static boolean isValid(String upn) {
        return upn != null && checkLetter(upn).map(c -> c == upn.charAt(0)).orElse(false);
    }

    /**
     * The check letter that characters 2 to 13 call for, or empty when they are not 11 digits and a
     * digit or check-alphabet letter (the first character is not looked at).
     */
    public static Optional<Character> checkLetter(String upn) {
        if (upn == null || upn.length() != 13) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            int value = value(upn.charAt(i), i == 12);
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * (i + 1);
        }
        return Optional.of(ALPHABET.charAt(sum % 23));
    }

    /** Characters 5 to 12 are all digits (DfE rule 1540). */
    public static boolean middleIsNumeric(String upn) {
        if (upn == null || upn.length() < 12) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (!isDigit(upn.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Character 13 is a digit or a letter A-Z other than I, O and S (DfE rule 1550). */
    public static boolean lastCharacterIsValid(String upn) {
        return upn != null && upn.length() == 13 && value(upn.charAt(12), true) >= 0;
    }

    /** A temporary UPN: the last character is a letter. */
    public static boolean isTemporary(String upn) {
        return upn != null && upn.length() == 13 && ALPHABET.indexOf(upn.charAt(12)) >= 0;
    }

    /**
     * Characters 2 to 4 are the code of a local authority in England (post-April 1998) or a recognised
     * pseudo-LA code, as DfE rule 1530 lists them.
     */
    public static boolean hasRecognisedLaCode(String upn) {
        if (upn == null || upn.length() < 4) {
            return false;
        }
        String la = upn.substring(1, 4);
        for (int i = 0; i < 3; i++) {
            if (!isDigit(la.charAt(i))) {
                return false;
            }
        }
        return isRecognisedLaCode(Integer.parseInt(la));
    }

    private static boolean isRecognisedLaCode(int code) {
        return between(code, 1, 5) || between(code, 201, 213) || between(code, 301, 320) || between(code, 330, 336)
                || between(code, 340, 344) || between(code, 350, 359) || between(code, 370, 373)
                || between(code, 380, 384) || between(code, 390, 394) || code == 420 || between(code, 660, 681)
                || between(code, 701, 708) || between(code, 800, 803) || between(code, 805, 808)
                || between(code, 810, 813) || code == 815 || code == 816 || between(code, 820, 823) || code == 825
                || code == 826 || code == 830 || code == 831 || between(code, 835, 841) || code == 845
                || code == 846 || between(code, 850, 852) || between(code, 855, 857) || code == 860 || code == 861
                || between(code, 865, 896) || code == 908 || code == 909 || code == 916 || code == 919
                || code == 921 || code == 925 || code == 926 || code == 928 || code == 929 || code == 931
                || code == 933 || between(code, 935, 938) || code == 940 || code == 941;
    }

    private static boolean between(int code, int low, int high) {
        return code >= low && code <= high;
    }

    /** A digit's value; in the last place also a check-alphabet letter's; else -1. */
    private static int value(char c, boolean last) {
        if (isDigit(c)) {
            return c - '0';
        }
        return last ? ALPHABET.indexOf(c) : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
