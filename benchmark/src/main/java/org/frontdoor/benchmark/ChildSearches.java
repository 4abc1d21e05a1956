package org.frontdoor.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The searches a front door worker types for a child already known, as they come: the name misspelt, the day and
 * month of birth swapped, a digit of the year wrong, the postcode of a new address. Each made from a seeded child,
 * so that whether the search found it can be counted.
 */
final class ChildSearches {

    /** How the search differs from the child's record. */
    enum Slip {
        NONE("exact name and date of birth"),
        SURNAME_LETTER_DROPPED("a letter of the surname dropped"),
        SURNAME_LETTERS_SWAPPED("two letters of the surname swapped"),
        SURNAME_VOWEL_CHANGED("a vowel of the surname changed"),
        FIRST_NAME_LETTER_DROPPED("a letter of the first name dropped"),
        DAY_AND_MONTH_SWAPPED("day and month of birth swapped"),
        YEAR_DIGIT_WRONG("a digit of the year of birth wrong"),
        POSTCODE_CHANGED("exact names and date of birth, another postcode"),
        /** In place of a swap the date does not allow (a day after the 12th): not one of the turns. */
        DAY_DIGIT_WRONG("a digit of the day of birth wrong");

        /** The slips taken in turn. */
        static final Slip[] TURNS = { NONE, SURNAME_LETTER_DROPPED, SURNAME_LETTERS_SWAPPED, SURNAME_VOWEL_CHANGED,
            FIRST_NAME_LETTER_DROPPED, DAY_AND_MONTH_SWAPPED, YEAR_DIGIT_WRONG, POSTCODE_CHANGED };

        final String words;

        Slip(String words) {
            this.words = words;
        }
    }

    /** A seeded child as recorded. */
    record Child(UUID childKey, String firstName, String lastName, LocalDate birthDate, String postcode) {
    }

    /** One search: the child it should find, what was typed differently, what was typed. */
    record Search(Child child, Slip slip, String surname, String firstName, LocalDate dateOfBirth, String postcode) {

        /** As the query string of {@code GET /api/v1/children}. */
        String query() {
            StringBuilder q = new StringBuilder("surname=").append(encode(surname)).append("&firstName=")
                    .append(encode(firstName)).append("&dateOfBirth=").append(dateOfBirth);
            if (postcode != null) {
                q.append("&postcode=").append(encode(postcode));
            }
            return q.toString();
        }
    }

    private ChildSearches() {
    }

    /** The {@code n}th search of a run: the slips in turn, each applied to its own child. */
    static Search of(Child child, int n) {
        Slip slip = Slip.TURNS[n % Slip.TURNS.length];
        if (slip == Slip.DAY_AND_MONTH_SWAPPED && !swappable(child.birthDate())) {
            slip = Slip.DAY_DIGIT_WRONG;
        }
        String surname = child.lastName();
        String firstName = child.firstName();
        LocalDate born = child.birthDate();
        String postcode = null;
        switch (slip) {
            case SURNAME_LETTER_DROPPED -> surname = dropLetter(surname);
            case SURNAME_LETTERS_SWAPPED -> surname = swapLetters(surname);
            case SURNAME_VOWEL_CHANGED -> surname = changeVowel(surname);
            case FIRST_NAME_LETTER_DROPPED -> firstName = dropLetter(firstName);
            case DAY_AND_MONTH_SWAPPED -> born = LocalDate.of(born.getYear(), born.getDayOfMonth(),
                    born.getMonthValue());
            case DAY_DIGIT_WRONG -> born = dayDigitWrong(born);
            case YEAR_DIGIT_WRONG -> born = born.withYear(born.getYear() % 10 == 9 ? born.getYear() - 1
                    : born.getYear() + 1);
            case POSTCODE_CHANGED -> postcode = "DN9 1" + (char) ('A' + n % 26) + "Q";
            case NONE -> postcode = child.postcode();
        }
        return new Search(child, slip, surname, firstName, born, postcode);
    }

    /** A letter after the first dropped (the first letter is rarely the one misheard). */
    static String dropLetter(String name) {
        if (name.length() < 4) {
            return name + name.charAt(name.length() - 1); // a short name's last letter doubled instead
        }
        int at = 1 + Math.abs(name.hashCode()) % (name.length() - 2);
        return name.substring(0, at) + name.substring(at + 1);
    }

    static String swapLetters(String name) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + Math.abs(name.hashCode() / 7) % (name.length() - 2);
        char[] c = name.toCharArray();
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        return new String(c);
    }

    static String changeVowel(String name) {
        for (int i = name.length() - 1; i > 0; i--) {
            int v = "aeiou".indexOf(name.charAt(i));
            if (v >= 0) {
                return name.substring(0, i) + "eioua".charAt(v) + name.substring(i + 1);
            }
        }
        return dropLetter(name);
    }

    /** Day and month can be swapped when the day could be a month and is not the month. */
    static boolean swappable(LocalDate born) {
        return born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue();
    }

    /** The day's last digit one off (the 30th of a 30-day month: the 20th), within the month. */
    static LocalDate dayDigitWrong(LocalDate born) {
        int day = born.getDayOfMonth();
        if (day % 10 != 9 && day < born.lengthOfMonth()) {
            return born.plusDays(1);
        }
        return day % 10 == 0 ? born.withDayOfMonth(day - 10) : born.minusDays(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
