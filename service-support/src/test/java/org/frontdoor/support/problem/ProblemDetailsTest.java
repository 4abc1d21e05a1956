package org.frontdoor.support.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.frontdoor.testsupport.DevJwtTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = """
            {"sourceCode":"2A","children":[{"firstName":"Amy","dateOfBirth":"2016-04-02"}],"level":2}""";

    private static String token(String role) {
        return DevJwtTestResource.tokens().token(role, "hillside-primary");
    }

    @Test
    void aValidRequestPasses() {
        given().auth().oauth2(token("partner")).contentType("application/json").body(VALID)
                .when().post("/api/v1/probe")
                .then().statusCode(200).body("children[0].firstName", equalTo("Amy"));
    }

    @Test
    void noTokenIs401ProblemWithBearerChallenge() {
        given().contentType("application/json").body(VALID)
                .when().post("/api/v1/probe")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:frontdoor:problem:unauthorized"))
                .body("instance", equalTo("/api/v1/probe"));
    }

    @Test
    void aForgedOrExpiredTokenIs401() {
        String forged = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .signedWithAnotherKey().build();
        String expired = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).build();
        // a token for another API, and one issued longer ago than the 12 hours the services accept
        String otherApi = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .audiences("frontdoor-notifications").build();
        String noAudience = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .audiences().build();
        String tooOld = DevJwtTestResource.tokens().builder().role("partner").org("hillside-primary")
                .issuedAt(java.time.Instant.now().minus(java.time.Duration.ofHours(13)))
                .expiresAt(java.time.Instant.now().plus(java.time.Duration.ofHours(1))).build();
        for (String bad : new String[] { forged, expired, "not-a-jwt", otherApi, noAudience, tooOld }) {
            given().auth().oauth2(bad).contentType("application/json").body(VALID)
                    .when().post("/api/v1/probe")
                    .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        }
    }

    @Test
    void fieldsThisApiDoesNotHaveAreEachNamedIn422AndNothingIsTaken() {
        String body = """
                {"sourceCode":"2A","colour":"red","children":[{"firstName":"Amy","dateOfBirth":"2016-04-02"},
                 {"firstName":"Ben","dateofBirth":"2018-01-01","pets":{"dog":1}}],"level":2}""";
        given().auth().oauth2(token("partner")).contentType("application/json").body(body)
                .when().post("/api/v1/probe")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("colour", "children[1].dateofBirth", "children[1].pets"))
                .body("errors.message", everyItem(equalTo("is not a field of this request")));
    }

    @Test
    void theWrongRoleIs403ProblemAndTheAttemptIsAudited() throws Exception {
        String who = "refused-" + java.util.UUID.randomUUID();
        String refusedToken = DevJwtTestResource.tokens().builder().role("triage-worker").subject(who).build();
        given().auth().oauth2(refusedToken).contentType("application/json").body(VALID)
                .when().post("/api/v1/probe")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:frontdoor:problem:forbidden"));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "select action, roles, detail from audit_entry where actor = ?")) {
            ps.setString(1, who);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(rs.next(), "the refused attempt is in the audit trail");
                org.junit.jupiter.api.Assertions.assertEquals("access.refused", rs.getString(1));
                org.junit.jupiter.api.Assertions.assertEquals("triage-worker", rs.getString(2));
                org.junit.jupiter.api.Assertions.assertEquals("POST /api/v1/probe", rs.getString(3));
            }
        }
    }

    @Test
    void everyInvalidFieldIsListedInOne422() {
        String body = """
                {"sourceCode":"","children":[{"firstName":" ","dateOfBirth":"2999-01-01"},null],"level":9}""";
        given().auth().oauth2(token("partner")).contentType("application/json").body(body)
                .when().post("/api/v1/probe")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:frontdoor:problem:validation"))
                .body("detail", equalTo("5 fields are not valid"))
                .body("errors.field", containsInAnyOrder("sourceCode", "children[0].firstName",
                        "children[0].dateOfBirth", "children[1]", "level"));
    }

    @Test
    void aMissingBodyIs422() {
        given().auth().oauth2(token("partner")).contentType("application/json")
                .when().post("/api/v1/probe")
                .then().statusCode(422).contentType(PROBLEM).body("errors", hasSize(1));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        String body = """
                {"sourceCode":"2A","children":[{"firstName":"Amy","dateOfBirth":"second of April"}]}""";
        given().auth().oauth2(token("partner")).contentType("application/json").body(body)
                .when().post("/api/v1/probe")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("children[0].dateOfBirth"))
                .body("errors[0].message", equalTo("must be a date (yyyy-MM-dd)"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().auth().oauth2(token("partner")).contentType("application/json").body("{\"sourceCode\": \"2A\",")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:frontdoor:problem:malformed-json"));
    }

    @Test
    void theWrongContentTypeIs415Problem() {
        given().auth().oauth2(token("partner")).contentType("text/plain").body(VALID)
                .when().post("/api/v1/probe")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void unknownIdsAndUnknownPathsAre404Problem() {
        given().auth().oauth2(token("partner"))
                .when().get("/api/v1/probe/6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Referral 6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11 was not found"));
        given().auth().oauth2(token("partner"))
                .when().get("/api/v1/probe/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("partner"))
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/no/such/page")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theWrongMethodIs405Problem() {
        given().auth().oauth2(token("partner"))
                .when().delete("/api/v1/probe")
                .then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void aServerErrorLeaksNothingButAnErrorId() {
        java.util.List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger mappers = java.util.logging.Logger.getLogger(ProblemMappers.class.getName());
        mappers.addHandler(capture);
        String errorId;
        try {
            errorId = given().auth().oauth2(token("ops"))
                    .when().get("/api/v1/probe/boom")
                    .then().statusCode(500).contentType(PROBLEM)
                    .body("errorId", notNullValue())
                    .body(not(containsString("Amy")))
                    .body(not(containsString("IllegalStateException")))
                    .extract().path("errorId");
        } finally {
            mappers.removeHandler(capture);
        }
        // the log says where and what kind, with the error id to find it by, and never the message's child
        java.util.logging.LogRecord record = logged.stream()
                .filter(r -> r.getThrown() != null).findFirst().orElseThrow();
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        org.junit.jupiter.api.Assertions.assertTrue(trace.toString().contains("java.lang.IllegalStateException"), trace.toString());
        org.junit.jupiter.api.Assertions.assertFalse(trace.toString().contains("Amy"), trace.toString());
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                : record.getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains(errorId), message);
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        String huge = "{\"sourceCode\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().auth().oauth2(token("partner")).contentType("application/json").body(huge)
                .when().post("/api/v1/probe")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }
}
