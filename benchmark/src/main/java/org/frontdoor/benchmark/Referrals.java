package org.frontdoor.benchmark;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Realistic referral bodies: a school's referral of 1 to 3 children, each a different child. */
final class Referrals {

    private static final String[] FIRST = { "Amy", "Leo", "Mia", "Noah", "Isla", "Oscar", "Ava", "Jack", "Zara", "Ravi" };
    private static final String[] POSTCODES = { "DN1 1AA", "DN2 4QT", "S1 2HE", "LS1 4AP", "M1 1AE", "B1 1BB" };
    private static final String[][] INDICATORS = { { "POOR_ATTENDANCE" }, { "POOR_ATTENDANCE", "SIGNS_OF_NEGLECT" },
            { "DOMESTIC_ABUSE", "YOUNG_CARER" }, { "PARENTAL_MENTAL_HEALTH" }, { "BULLYING", "LOW_LEVEL_MENTAL_HEALTH" } };

    private Referrals() {
    }

    static String body() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int children = 1 + r.nextInt(3);
        String surname = surname(r);
        String postcode = POSTCODES[r.nextInt(POSTCODES.length)];
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < children; i++) {
            LocalDate dob = LocalDate.of(2009 + r.nextInt(16), 1 + r.nextInt(12), 1 + r.nextInt(28));
            kids.append(i == 0 ? "" : ",").append("""
                    {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s", "gender": "%s", "nhsNumber": "%s",
                     "address": {"line1": "%d High St", "town": "Doncaster", "postcode": "%s"}, "school": "Hillside Primary School"}"""
                    .formatted(FIRST[r.nextInt(FIRST.length)], surname, dob, r.nextBoolean() ? "F" : "M", nhs(r),
                            1 + r.nextInt(200), postcode));
        }
        String[] indicators = INDICATORS[r.nextInt(INDICATORS.length)];
        return """
                {"referrer": {"sourceCode": "2A", "organisationName": "Hillside Primary School", "name": "J. Patel",
                              "role": "Designated Safeguarding Lead", "email": "dsl@hillside.example",
                              "externalReference": "HPS-%d"},
                 "children": [%s],
                 "householdMembers": [{"name": "Carol %s", "relationship": "mother"}],
                 "concerns": {"summary": "Arrived hungry most days this term; attendance has fallen to 81%%. Seen with bruising once, explained as a fall.",
                              "indicators": ["%s"], "immediateRisk": false},
                 "consent": {"familyAware": true, "consentGiven": true}}"""
                .formatted(r.nextInt(1_000_000), kids, surname, String.join("\", \"", indicators));
    }

    private static String surname(ThreadLocalRandom r) {
        StringBuilder s = new StringBuilder("Bench");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    /** A random NHS number with a valid modulus-11 check digit. */
    static String nhs(ThreadLocalRandom r) {
        while (true) {
            int sum = 0;
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                int d = r.nextInt(10);
                s.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return s.append(check).toString();
            }
        }
    }
}
