package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.asPartner;
import static org.frontdoor.referral.Referrals.partnerToken;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueNhsNumber;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    @Test
    void aSchoolRefersAChildAndIsToldWhenItWillBeAcknowledged() {
        Response created = submitAsPartner(schoolReferral(uniqueSurname(), "943 476 5919"));

        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("externalReference", equalTo("HPS-2026-0042"))
                .body("children", hasSize(1))
                .body("children[0].position", equalTo(0))
                .body("children[0].childId", notNullValue());
        String referralId = created.path("referralId");
        assertTrue(created.header("Location").endsWith("/api/v1/referrals/" + referralId));
        Instant received = Instant.parse(created.path("receivedAt"));
        Instant due = Instant.parse(created.path("acknowledgementDueBy"));
        assertEquals(calendar.plusWorkingDays(received, 1), due, "1 working day, bank holidays excluded");

        given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200)
                .body("referrer.organisationName", equalTo("Hillside Primary School"))
                .body("children[0].firstName", equalTo("Amy"))
                .body("children[0].status", equalTo("RECEIVED"))
                .body("children[0].priorInvolvement", nullValue())
                .body("concerns.indicators", containsInAnyOrder("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"))
                .body("timeline[0].kind", equalTo("RECEIVED"));
    }

    @Test
    void theFrontDoorKeysInANeighboursCallWithoutAKey() {
        String body = """
                {"referrer": {"sourceCode": "1B", "name": "A neighbour", "phone": "01632 960111"},
                 "children": [{"firstName": "Leo", "lastName": "%s", "dateOfBirth": "2019-09-14", "gender": "M",
                               "address": {"postcode": "dn2 4qt"}}],
                 "concerns": {"summary": "Shouting most nights.", "indicators": ["DOMESTIC_ABUSE"], "immediateRisk": false},
                 "consent": {"familyAware": false, "consentGiven": false,
                             "reasonWithoutConsent": "Caller fears for her own safety."}}""".formatted(uniqueSurname());
        String id = submitAsFrontDoor(body).then().statusCode(201).extract().path("referralId");

        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200)
                .body("referrer.sourceCode", equalTo("1B"))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(0))
                .body("children[0].priorInvolvement.reReferral", equalTo(false));
    }

    @Test
    void everyInvalidFieldIsListedInOne422AndNothingIsStored() {
        long before = count("referral");
        String body = """
                {"referrer": {"sourceCode": "2Z", "email": "not-an-email"},
                 "children": [{"firstName": "Amy", "lastName": "Smith", "dateOfBirth": "2999-01-01", "gender": "Q",
                               "nhsNumber": "9434765918", "address": {"postcode": "NOT A POSTCODE"}},
                              {"lastName": "", "gender": "F"}],
                 "concerns": {"summary": "", "indicators": ["POOR_ATTENDANCE", "MADE_UP"], "immediateRisk": false},
                 "consent": {"familyAware": false, "consentGiven": false}}""";

        submitAsPartner(body).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItems(
                        "referrer.sourceCode", "referrer.email",
                        "children[0].dateOfBirth", "children[0].gender", "children[0].nhsNumber",
                        "children[0].address.postcode",
                        "children[1].lastName", "children[1].dateOfBirth", "children[1].firstName",
                        "concerns.summary", "concerns.indicators[1]", "consent.reasonWithoutConsent"));
        assertEquals(before, count("referral"));
        assertEquals(0, countWhere("idempotency_record", "response = ''"));
    }

    @Test
    void theFamilyWithoutConsentNeedsAReasonAndTooManyChildrenAreRefused() {
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            children.append(i == 0 ? "" : ",").append("""
                    {"firstName": "C%d", "lastName": "Smith", "dateOfBirth": "2015-01-01", "gender": "U"}""".formatted(i));
        }
        String body = """
                {"referrer": {"sourceCode": "6", "organisationName": "South Yorkshire Police"},
                 "children": [%s],
                 "concerns": {"summary": "Found at an address during a raid.", "immediateRisk": true},
                 "consent": {"familyAware": false, "consentGiven": false, "reasonWithoutConsent": " "}}"""
                .formatted(children);
        submitAsFrontDoor(body).then().statusCode(422)
                .body("errors.field", hasItems("children", "consent.reasonWithoutConsent"));
    }

    @Test
    void aProfessionalsPhoneReferralNamesAnOrganisationOfThePartnerDirectory() throws Exception {
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police (PVP unit)", "POLICE", "6");
        PartnerDirectoryFixture.deactivated("closed-police-desk", "Closed Police Desk", "POLICE", "6");
        String body = """
                {"referrer": {"sourceCode": "6", "organisationId": "%s", "name": "PC Ash"},
                 "children": [{"firstName": "Max", "lastName": "%s", "dateOfBirth": "2012-05-05", "gender": "M"}],
                 "concerns": {"summary": "Found alone at an address during a raid.", "immediateRisk": false},
                 "consent": {"familyAware": true, "consentGiven": true}}""";

        String id = submitAsFrontDoor(body.formatted("south-yorkshire-police", uniqueSurname())).then()
                .statusCode(201).extract().path("referralId");
        given().auth().oauth2(token("front-door")).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("referrer.organisationName", equalTo("South Yorkshire Police (PVP unit)"));
        assertEquals("south-yorkshire-police", organisationIdOf(id), "the outcome and closure go to it");

        // a typo, a free-text name, a deactivated organisation or none at all: refused, nothing saved
        for (String bad : List.of("south-yorkshire-polcie", "South Yorkshire Police", "closed-police-desk", "")) {
            String surname = uniqueSurname();
            submitAsFrontDoor(body.formatted(bad, surname)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("referrer.organisationId"));
            assertEquals(0, countWhere("referral_child", "last_name = '" + surname + "'"));
        }
        // a member of the public names no organisation; a partner system only its own
        submitAsFrontDoor(body.formatted("south-yorkshire-police", uniqueSurname()).replace("\"6\"", "\"1A\""))
                .then().statusCode(422).body("errors.field", contains("referrer.organisationId"));
        submitAsPartner(schoolReferral(uniqueSurname(), null).replace("\"hillside-primary\"",
                "\"south-yorkshire-police\"")).then().statusCode(422)
                .body("errors.field", contains("referrer.organisationId"));
    }

    private String organisationIdOf(String referralId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select organisation_id from referral where id = ?::uuid")) {
            ps.setString(1, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void anAnonymousReferralCarriesNoIdentity() {
        String withName = """
                {"referrer": {"sourceCode": "9", "name": "Would rather not say", "email": "x@example.org"},
                 "children": [{"firstName": "Max", "lastName": "%s", "dateOfBirth": "2012-05-05", "gender": "M"}],
                 "concerns": {"summary": "Often out very late.", "immediateRisk": false},
                 "consent": {"familyAware": false, "consentGiven": false, "reasonWithoutConsent": "Anonymous caller"}}"""
                .formatted(uniqueSurname());
        submitAsFrontDoor(withName).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("referrer.email", "referrer.name"));
        submitAsFrontDoor(withName.replace(", \"name\": \"Would rather not say\", \"email\": \"x@example.org\"", ""))
                .then().statusCode(201);
    }

    @Test
    void aPartnerMustSendAnIdempotencyKeyAndReferAsAProfessional() {
        given().auth().oauth2(token("partner")).contentType("application/json")
                .body(schoolReferral(uniqueSurname(), null))
                .when().post("/api/v1/referrals")
                .then().statusCode(422).body("errors.field", hasItems("Idempotency-Key"));
        submitAsPartner(schoolReferral(uniqueSurname(), null).replace("\"2A\"", "\"1A\""))
                .then().statusCode(422)
                .body("errors.message", hasItems("a partner system refers as a professional source (2A-8)"));
    }

    @Test
    void aRepeatedRequestReturnsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String body = schoolReferral(uniqueSurname(), null);
        long before = count("referral");

        Response first = asPartner(key).body(body).post("/api/v1/referrals");
        // same content, other whitespace
        Response again = asPartner(key).body(body.replace("\n", " "))
                .post("/api/v1/referrals");

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.path("referralId").toString(), again.path("referralId").toString());
        assertEquals(first.path("children[0].childId").toString(), again.path("children[0].childId").toString());
        assertEquals(before + 1, count("referral"));

        asPartner(key).body(body.replace("hungry", "tired"))
                .post("/api/v1/referrals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", startsWith("Idempotency-Key " + key + " was already used"));
        assertEquals(before + 1, count("referral"));
    }

    @Test
    void concurrentSubmissionsWithOneKeyMakeOneReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = schoolReferral(uniqueSurname(), uniqueNhsNumber());
        long before = count("referral");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> asPartner(key).body(body).post("/api/v1/referrals")
                        .then().statusCode(201).extract().path("referralId"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(1, ids.size(), "every caller got the same referral");
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, count("referral"));
    }

    @Test
    void aPartnerSeesOnlyItsOwnOrganisationsReferrals() {
        String id = submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201)
                .extract().path("referralId");
        // another school of the directory, active: the gate lets it in, and it finds nothing of Hillside's
        PartnerDirectoryFixture.active("another-school", "Another School", "SCHOOL", "2A");
        given().auth().oauth2(partnerToken("another-school")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200);
        given().auth().oauth2(token("front-door")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("children[0].priorInvolvement", notNullValue());
        given().auth().oauth2(token("ops")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(403);
        given().auth().oauth2(token("partner")).when().get("/api/v1/referrals/" + UUID.randomUUID())
                .then().statusCode(404);
        assertEquals(2, countWhere("audit_entry", "action = 'referral.read' and referral_id = '" + id + "'"),
                "every read is audited");
        assertEquals(1, countWhere("audit_entry", "action = 'referral.read.refused' and referral_id = '" + id
                + "' and organisation = 'another-school'"), "and so is another organisation's attempt");
    }

    @Test
    void theFrontDoorFindsReferralsBySurnameBirthDateAndPostcode() {
        String surname = uniqueSurname();
        String id = submitAsPartner(schoolReferral(surname, null)).then().statusCode(201).extract().path("referralId");

        String criteria = """
                {"surname": "%s", "dateOfBirth": "2016-04-02", "postcode": "dn11aa"}""".formatted(surname.toUpperCase());
        given().auth().oauth2(token("front-door")).contentType("application/json").body(criteria)
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].referralId", equalTo(id))
                .body("items[0].children[0].lastName", equalTo(surname));
        // the audit trail keeps who searched for whom, and what they found
        assertEquals(1, countWhere("audit_entry", "action = 'referral.search' and actor = 'dev-front-door'"
                + " and detail like '%surname=" + surname.toUpperCase() + ", dateOfBirth=2016-04-02, postcode=dn11aa;"
                + " page 0: 1 of 1 result(s) " + id + "'"), "the criteria and the contacts found are audited");
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"surname\": \"" + surname + "\", \"dateOfBirth\": \"2016-04-03\"}")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(token("partner")).contentType("application/json").body(criteria)
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(403);
        // criteria in a URL are not taken
        given().auth().oauth2(token("front-door")).queryParam("surname", surname)
                .when().get("/api/v1/referrals")
                .then().statusCode(405);
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"surname\": \"" + surname + "\", \"size\": 1000}")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(422).body("errors.field", contains("size"));
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"dateOfBirth\": \"02/04/2016\"}")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(422).body("errors.field", containsInAnyOrder("dateOfBirth"));
    }

    @Test
    void aSearchWithoutASurnameOrADateOfBirthIs422NamingBothAndListsNobody() {
        submitAsPartner(schoolReferral(uniqueSurname(), null)).then().statusCode(201);
        // no criteria, a postcode alone, a blank surname, a time window alone: each would page through every contact
        for (String criteria : new String[] { "{}", "{\"postcode\": \"DN1 1AA\"}", "{\"surname\": \"  \"}",
                "{\"from\": \"2000-01-01T00:00:00Z\", \"size\": 100}" }) {
            given().auth().oauth2(token("front-door")).contentType("application/json").body(criteria)
                    .when().post("/api/v1/referrals/searches")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("dateOfBirth", "surname"))
                    .body("errors.message", everyItem(equalTo("a search needs a surname or a date of birth")))
                    .body("items", nullValue());
        }
        // with a bad size too, every bad field is in the one answer
        given().auth().oauth2(token("front-door")).contentType("application/json").body("{\"size\": 1000}")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(422).body("errors.field", contains("dateOfBirth", "size", "surname"));
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(422).body("errors.field", contains("body"));
        // a date of birth alone is a search
        given().auth().oauth2(token("front-door")).contentType("application/json")
                .body("{\"dateOfBirth\": \"2016-04-02\", \"size\": 1}")
                .when().post("/api/v1/referrals/searches")
                .then().statusCode(200).body("size", equalTo(1)).body("items", hasSize(1));
    }

    @Test
    void theIndicatorCatalogueIsPublished() {
        given().auth().oauth2(token("partner")).when().get("/api/v1/indicators")
                .then().statusCode(200)
                .body("indicators.code", hasItems("POOR_ATTENDANCE", "SIGNS_OF_NEGLECT", "DOMESTIC_ABUSE",
                        "DISCLOSURE_OF_ABUSE", "NON_ACCIDENTAL_INJURY", "SEXUAL_EXPLOITATION", "CRIMINAL_EXPLOITATION",
                        "MISSING_EPISODES", "SELF_HARM", "YOUNG_CARER", "PARENTAL_SUBSTANCE_MISUSE",
                        "PARENTAL_MENTAL_HEALTH"))
                .body("indicators.find { it.code == 'SEXUAL_EXPLOITATION' }.level", equalTo(4))
                .body("indicators.find { it.code == 'SEXUAL_EXPLOITATION' }.cinFactor", equalTo("11A"))
                .body("indicators.find { it.code == 'POOR_ATTENDANCE' }.level", equalTo(2));
    }

    @Test
    void theOpenApiDocumentShowsRequestAndResponseExamples() {
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/referrals'.post.requestBody.content.'application/json'.examples.school.value.referrer.sourceCode",
                        equalTo("2A"))
                .body("paths.'/api/v1/referrals'.post.requestBody.content.'application/json'.examples.neighbour.value.referrer.sourceCode",
                        equalTo("1B"))
                .body("paths.'/api/v1/referrals'.post.responses.'201'.content.'application/json'.examples.created.value.status",
                        equalTo("RECEIVED"))
                .body("paths.'/api/v1/referrals'.post.responses.'422'.content.'application/problem+json'.examples.invalid.value.status",
                        equalTo(422))
                .body("paths.'/api/v1/referrals/{referralId}'.get.security[0].bearer", notNullValue())
                .body("paths.'/api/v1/referrals'.post.description", containsString("Every submission is recorded as a contact"))
                .body("paths.'/api/v1/referrals/{referralId}'.get.responses.'200'.content.'application/json'.examples.referred.value.children[0].recordType",
                        equalTo("REFERRAL"))
                .body("components.schemas.RecordType.enum", contains("CONTACT", "REFERRAL"))
                .body("components.schemas.ChildStatus.enum", hasItems("IN_TRIAGE", "REFERRED_TO_SOCIAL_CARE",
                        "PASSED_TO_ALLOCATED_WORKER", "CASE_OPEN"))
                .body("components.schemas.Outcome.enum", hasItems("NO_FURTHER_ACTION", "SOCIAL_CARE_ASSESSMENT",
                        "STRATEGY_DISCUSSION", "PASSED_TO_ALLOCATED_WORKER"))
                .body("components.schemas.ReferralStatus.enum", contains("RECEIVED", "IN_TRIAGE", "DECIDED", "CLOSED"));
    }

    @Test
    void malformedWrongTypeAndOversizedBodiesAreRefusedClearly() {
        long before = count("referral");
        asPartner().body("{\"referrer\": ").post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM);
        asPartner().body(schoolReferral(uniqueSurname(), null).replace("\"immediateRisk\": false",
                "\"immediateRisk\": \"maybe\"")).post("/api/v1/referrals")
                .then().statusCode(422).body("errors[0].field", equalTo("concerns.immediateRisk"));
        given().auth().oauth2(token("partner")).header("Idempotency-Key", "k1").contentType("text/plain")
                .body("hello").post("/api/v1/referrals")
                .then().statusCode(415).contentType(PROBLEM);
        String huge = schoolReferral(uniqueSurname(), null).replace("Amy has arrived", "x".repeat(300 * 1024));
        asPartner().body(huge).post("/api/v1/referrals")
                .then().statusCode(413).contentType(PROBLEM);
        String controls = schoolReferral("Smith\u202Eevil", null);
        asPartner().body(controls).post("/api/v1/referrals")
                .then().statusCode(422).body("errors[0].field", equalTo("children[0].lastName"));
        assertEquals(before, count("referral"));
    }

    private long count(String table) {
        return countWhere(table, "true");
    }

    private long countWhere(String table, String condition) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where " + condition);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
