package org.frontdoor.triage.children;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How alike an earlier record is to a child, 0-100, and why in words a worker reads. Identifiers weigh most (the
 * same NHS number or UPN; different NHS numbers count strongly against), then the surname, the date of birth, the
 * first name and the postcode, each with its tolerance: a name that sounds alike or is spelt a little differently, a
 * nickname, part of a hyphenated surname, a date of birth with day and month swapped or one digit wrong, a postcode
 * missing or changed. Children with the same surname, date of birth and postcode whose first names are not alike
 * may be twins: offered with that reason, for a person to judge.
 */
public final class ChildSimilarity {

    static final int SAME_NHS_NUMBER = 80;
    static final int DIFFERENT_NHS_NUMBERS = -50;
    static final int SAME_UPN = 70;
    static final int SAME_SURNAME = 25;
    static final int SURNAME_SOUNDS_ALIKE = 20;
    static final int SURNAME_PART = 18;
    static final int SURNAME_SPELT_DIFFERENTLY = 15;
    static final int SAME_FIRST_NAME = 20;
    static final int NICKNAME = 17;
    static final int FIRST_NAME_SOUNDS_ALIKE = 15;
    static final int FIRST_NAME_SPELT_DIFFERENTLY = 12;
    static final int SAME_BIRTH_DATE = 25;
    static final int BIRTH_DATE_SWAPPED = 18;
    static final int BIRTH_DATE_ONE_DIGIT = 15;
    static final int BIRTH_DATE_DIFFERS = -20;
    static final int SAME_POSTCODE = 10;

    public static final String TWIN = "may be a twin: first names differ";

    private static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;

    /** The score (0-100), the reasons, and whether the two may be twins (never to be merged without a person). */
    public record Similarity(int score, List<String> reasons, boolean mayBeTwin) {
    }

    private enum Likeness { SAME, ALIKE, DIFFERENT, UNKNOWN }

    private ChildSimilarity() {
    }

    public static Similarity score(ChildFacts probe, ChildFacts candidate) {
        List<String> reasons = new ArrayList<>();
        int[] points = { 0 };
        identifiers(probe, candidate, reasons, points);
        Likeness surname = surname(probe, candidate, reasons, points);
        Likeness first = firstName(probe, candidate, reasons, points);
        Likeness born = birthDate(probe.dateOfBirth(), candidate.dateOfBirth(), reasons, points);
        Likeness postcode = postcode(probe.postcode(), candidate.postcode(), reasons, points);
        boolean twin = (surname == Likeness.SAME || surname == Likeness.ALIKE) && born == Likeness.SAME
                && postcode == Likeness.SAME && first == Likeness.DIFFERENT;
        if (twin) {
            reasons.add(TWIN);
        }
        return new Similarity(Math.max(0, Math.min(100, points[0])), List.copyOf(reasons), twin);
    }

    private static void identifiers(ChildFacts probe, ChildFacts candidate, List<String> reasons, int[] points) {
        String nhs = ChildFacts.identifierNorm(probe.nhsNumber());
        String otherNhs = ChildFacts.identifierNorm(candidate.nhsNumber());
        if (nhs != null && otherNhs != null) {
            boolean same = nhs.equals(otherNhs);
            reasons.add(same ? "same NHS number" : "different NHS numbers");
            points[0] += same ? SAME_NHS_NUMBER : DIFFERENT_NHS_NUMBERS;
        }
        String upn = ChildFacts.identifierNorm(probe.upn());
        if (upn != null && upn.equals(ChildFacts.identifierNorm(candidate.upn()))) {
            reasons.add("same UPN");
            points[0] += SAME_UPN;
        }
    }

    private static Likeness surname(ChildFacts probe, ChildFacts candidate, List<String> reasons, int[] points) {
        String a = ChildFacts.norm(probe.lastName());
        String b = ChildFacts.norm(candidate.lastName());
        if (a == null || b == null) {
            return Likeness.UNKNOWN;
        }
        if (a.equals(b)) {
            return add(reasons, points, "same surname", SAME_SURNAME, Likeness.SAME);
        }
        if (sharesPart(probe, candidate)) {
            return add(reasons, points, "shares part of a hyphenated surname", SURNAME_PART, Likeness.ALIKE);
        }
        ChildFacts.Keys k = probe.keys();
        ChildFacts.Keys o = candidate.keys();
        if (same(k.lastCode(), o.lastCode()) || same(k.lastSoundex(), o.lastSoundex())) {
            return add(reasons, points, "surname sounds alike", SURNAME_SOUNDS_ALIKE, Likeness.ALIKE);
        }
        if (speltAlike(a, b)) {
            return add(reasons, points, "surname spelt differently", SURNAME_SPELT_DIFFERENTLY, Likeness.ALIKE);
        }
        reasons.add("surname differs");
        return Likeness.DIFFERENT;
    }

    /** One side's surname is hyphenated and a part of it is (or sounds like) the other's surname or one of its parts. */
    private static boolean sharesPart(ChildFacts probe, ChildFacts candidate) {
        ChildFacts.Keys k = probe.keys();
        ChildFacts.Keys o = candidate.keys();
        if (k.lastParts().isEmpty() && o.lastParts().isEmpty()) {
            return false;
        }
        Set<String> names = parts(ChildFacts.norm(probe.lastName()), k.lastParts());
        Set<String> codes = parts(k.lastCode(), k.lastPartCodes());
        for (String n : parts(ChildFacts.norm(candidate.lastName()), o.lastParts())) {
            if (names.contains(n)) {
                return true;
            }
        }
        for (String c : parts(o.lastCode(), o.lastPartCodes())) {
            if (codes.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> parts(String whole, List<String> parts) {
        Set<String> all = new LinkedHashSet<>();
        if (parts.isEmpty() && whole != null) {
            all.add(whole);
        }
        parts.stream().filter(Objects::nonNull).forEach(all::add);
        return all;
    }

    private static Likeness firstName(ChildFacts probe, ChildFacts candidate, List<String> reasons, int[] points) {
        String a = ChildFacts.norm(probe.firstName());
        String b = ChildFacts.norm(candidate.firstName());
        if (a == null || b == null) {
            return Likeness.UNKNOWN;
        }
        if (a.equals(b)) {
            return add(reasons, points, "same first name", SAME_FIRST_NAME, Likeness.SAME);
        }
        ChildFacts.Keys k = probe.keys();
        ChildFacts.Keys o = candidate.keys();
        if (same(k.firstCanonical(), o.firstCanonical())) {
            return add(reasons, points, "nickname of " + formal(probe.firstName(), candidate.firstName(),
                    k.firstCanonical()), NICKNAME, Likeness.ALIKE);
        }
        if (same(k.firstCode(), o.firstCode())) {
            return add(reasons, points, "first name sounds alike", FIRST_NAME_SOUNDS_ALIKE, Likeness.ALIKE);
        }
        if (speltAlike(a, b)) {
            return add(reasons, points, "first name spelt differently", FIRST_NAME_SPELT_DIFFERENTLY, Likeness.ALIKE);
        }
        reasons.add("first name differs");
        return Likeness.DIFFERENT;
    }

    /** Of a nickname and the name it stands for, the full name as written: Bill and William, William. */
    private static String formal(String a, String b, String canonical) {
        if (canonical.equals(ChildFacts.norm(a))) {
            return a.strip();
        }
        if (canonical.equals(ChildFacts.norm(b))) {
            return b.strip();
        }
        return a.strip().length() >= b.strip().length() ? a.strip() : b.strip();
    }

    private static Likeness birthDate(LocalDate a, LocalDate b, List<String> reasons, int[] points) {
        if (a == null || b == null) {
            return Likeness.UNKNOWN;
        }
        if (a.equals(b)) {
            return add(reasons, points, "same date of birth", SAME_BIRTH_DATE, Likeness.SAME);
        }
        if (swapped(a).filter(b::equals).isPresent()) {
            return add(reasons, points, "day and month swapped", BIRTH_DATE_SWAPPED, Likeness.ALIKE);
        }
        if (digitsApart(a.format(DIGITS), b.format(DIGITS)) == 1) {
            return add(reasons, points, "date of birth differs by one digit", BIRTH_DATE_ONE_DIGIT, Likeness.ALIKE);
        }
        return add(reasons, points, "date of birth differs", BIRTH_DATE_DIFFERS, Likeness.DIFFERENT);
    }

    private static Likeness postcode(String a, String b, List<String> reasons, int[] points) {
        String p = ChildFacts.postcodeNorm(a);
        String q = ChildFacts.postcodeNorm(b);
        if (p == null || q == null) {
            reasons.add("postcode missing");
            return Likeness.UNKNOWN;
        }
        if (p.equals(q)) {
            return add(reasons, points, "same postcode", SAME_POSTCODE, Likeness.SAME);
        }
        reasons.add("postcode differs");
        return Likeness.DIFFERENT;
    }

    private static Likeness add(List<String> reasons, int[] points, String reason, int weight, Likeness likeness) {
        reasons.add(reason);
        points[0] += weight;
        return likeness;
    }

    private static boolean same(String a, String b) {
        return a != null && !a.isEmpty() && a.equals(b);
    }

    /** A few letters apart: one edit in a short name, two in a name of six letters or more. */
    static boolean speltAlike(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int allowed = shorter >= 6 ? 2 : shorter >= 3 ? 1 : 0;
        return allowed > 0 && editDistance(a, b) <= allowed;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static int digitsApart(String a, String b) {
        int apart = 0;
        for (int i = 0; i < a.length(); i++) {
            apart += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return apart;
    }

    private static Optional<LocalDate> swapped(LocalDate d) {
        if (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()));
    }

    /**
     * The dates of birth a mistyped one may stand for, to look up: itself, day and month swapped, and every valid
     * date one digit away (yyyyMMdd) from 1900 on.
     */
    public static List<LocalDate> datesNear(LocalDate d) {
        Set<LocalDate> near = new LinkedHashSet<>();
        near.add(d);
        swapped(d).ifPresent(near::add);
        String digits = d.format(DIGITS);
        for (int i = 0; i < digits.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != digits.charAt(i)) {
                    parse(digits.substring(0, i) + c + digits.substring(i + 1))
                            .filter(n -> n.getYear() >= 1900).ifPresent(near::add);
                }
            }
        }
        return List.copyOf(near);
    }

    private static Optional<LocalDate> parse(String digits) {
        try {
            return Optional.of(LocalDate.parse(digits, DIGITS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
