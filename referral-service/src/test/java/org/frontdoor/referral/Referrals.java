package org.frontdoor.referral;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.frontdoor.testsupport.PartnerDirectoryFixture;

/** Request bodies and calls shared by this service's tests. */
public final class Referrals {

    public static final String SCHOOL = "hillside-primary";

    private Referrals() {
    }

    /** A token for the role; a partner's acts for the demo school, which is then in this service's directory copy. */
    public static String token(String role) {
        if (role.equals("partner")) {
            schoolInDirectory();
        }
        return DevJwtTestResource.tokens().token(role, role.equals("partner") ? SCHOOL : null);
    }

    /** A partner token for this organisation, whether or not the directory copy holds it. */
    public static String partnerToken(String org) {
        return DevJwtTestResource.tokens().token("partner", org);
    }

    /** A school's referral of one child; {@code lastName} and {@code nhs} let a test make the child unique. */
    public static String schoolReferral(String lastName, String nhs) {
        return """
                {
                  "referrer": {"sourceCode": "2A", "organisationId": "hillside-primary",
                               "organisationName": "Hillside Primary School", "name": "J. Patel", "role": "Designated Safeguarding Lead",
                               "email": "dsl@hillside.example", "phone": "01632 960000",
                               "externalReference": "HPS-2026-0042"},
                  "children": [{"firstName": "Amy", "lastName": "%s", "dateOfBirth": "2016-04-02",
                                "gender": "F", %s
                                "address": {"line1": "1 High St", "town": "Doncaster", "postcode": "DN1 1AA"},
                                "school": "Hillside Primary School"}],
                  "householdMembers": [{"name": "Carol Smith", "relationship": "mother"}],
                  "concerns": {"summary": "Amy has arrived hungry most days this term.",
                               "indicators": ["POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"],
                               "immediateRisk": false},
                  "consent": {"familyAware": true, "consentGiven": true}
                }""".formatted(lastName, nhs == null ? "" : "\"nhsNumber\": \"" + nhs + "\",");
    }

    /** A partner's request with this Idempotency-Key. */
    public static RequestSpecification asPartner(String idempotencyKey) {
        return given().auth().oauth2(token("partner")).contentType("application/json")
                .header("Idempotency-Key", idempotencyKey);
    }

    public static RequestSpecification asPartner() {
        return asPartner(UUID.randomUUID().toString());
    }

    public static Response submitAsPartner(String body) {
        return asPartner().body(body).post("/api/v1/referrals");
    }

    /** A phone referral keyed in by the front door; the school it may name is in the partner directory. */
    public static Response submitAsFrontDoor(String body) {
        schoolInDirectory();
        return given().auth().oauth2(token("front-door")).contentType("application/json").body(body)
                .post("/api/v1/referrals");
    }

    private static boolean schoolPublished;

    /** The demo school, in this service's copy of the partner directory (published once per test run). */
    public static synchronized void schoolInDirectory() {
        if (!schoolPublished) {
            PartnerDirectoryFixture.active(SCHOOL, "Hillside Primary School", "SCHOOL", "2A");
            schoolPublished = true;
        }
    }

    /** A surname no other test uses, so matching sees only this test's referrals. */
    public static String uniqueSurname() {
        StringBuilder s = new StringBuilder("Test");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            s.append((char) ('a' + (Character.digit(c, 16) % 26)));
        }
        return s.toString();
    }

    /** A valid NHS number (modulus 11) no other test uses. */
    public static String uniqueNhsNumber() {
        java.util.Random random = new java.util.Random();
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                d[i] = random.nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check == 10) {
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            return s.append(check).toString();
        }
    }
}
