package org.frontdoor.referral.domain;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.Referrals.schoolReferral;
import static org.frontdoor.referral.Referrals.submitAsFrontDoor;
import static org.frontdoor.referral.Referrals.submitAsPartner;
import static org.frontdoor.referral.Referrals.token;
import static org.frontdoor.referral.Referrals.uniqueNhsNumber;
import static org.frontdoor.referral.Referrals.uniqueSurname;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Matching a referred child to one the front door has heard of, and what that shows the worker. */
@QuarkusTest
class ChildMatchingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSameChildTwiceOnOneDayIsLinkedToTheFirstAndAgainEightMonthsLaterIsAReReferral() throws Exception {
        String nhs = uniqueNhsNumber();
        String surname = uniqueSurname();
        String older = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        // that first contact was eight months ago, and became a referral (as triage.decided records it)
        execute("update referral set received_at = received_at - interval '8 months' where id = '" + older + "'");
        execute("update referral_child set became_referral = true, referral_date = current_date - interval '8 months'"
                + " where referral_id = '" + older + "'");
        String first = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        String second = submitAsPartner(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");

        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + first)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.reReferral", equalTo(true))
                .body("children[0].priorInvolvement.sameDayFirstReferralId", nullValue());
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + second)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(first))
                .body("children[0].priorInvolvement.referralsInLast12Months", equalTo(1))
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(1));
        assertEquals(knownChildOf(older), knownChildOf(second), "one child, three referrals, none merged away");
    }

    @Test
    void withoutAnNhsNumberSurnameBirthDateAndPostcodeMatchWhateverTheirSpelling() throws Exception {
        String surname = "O'" + uniqueSurname();
        String a = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201).extract().path("referralId");
        String b = submitAsFrontDoor(schoolReferral(surname.replace("'", "").toUpperCase(), null)
                .replace("DN1 1AA", "dn11aa")).then().statusCode(201).extract().path("referralId");
        String otherChild = submitAsFrontDoor(schoolReferral(surname, null).replace("2016-04-02", "2016-04-03"))
                .then().statusCode(201).extract().path("referralId");

        assertEquals(knownChildOf(a), knownChildOf(b));
        assertNotEquals(knownChildOf(a), knownChildOf(otherChild), "another birth date is another child");
    }

    @Test
    void anNhsNumberGivenLaterJoinsTheChildKnownByDemographics() throws Exception {
        String surname = uniqueSurname();
        String withoutNhs = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201)
                .extract().path("referralId");
        String nhs = uniqueNhsNumber();
        String withNhs = submitAsFrontDoor(schoolReferral(surname, nhs)).then().statusCode(201)
                .extract().path("referralId");
        String nhsOnly = submitAsFrontDoor(schoolReferral(surname, nhs).replace("DN1 1AA", "S1 2HE"))
                .then().statusCode(201).extract().path("referralId");

        assertEquals(knownChildOf(withoutNhs), knownChildOf(withNhs));
        assertEquals(knownChildOf(withNhs), knownChildOf(nhsOnly), "moved house: the NHS number still matches");
    }

    @Test
    void twinsAreTwoChildrenAndTheNhsNumberStillWins() throws Exception {
        String surname = uniqueSurname();
        String nhs = uniqueNhsNumber();
        String amy = submitAsFrontDoor(schoolReferral(surname, nhs)).then().statusCode(201).extract().path("referralId");
        String ben = submitAsFrontDoor(named("Ben", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        String amyAgain = submitAsFrontDoor(named(" amy", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        String amelia = submitAsFrontDoor(named("Amelia", schoolReferral(surname, nhs))).then().statusCode(201)
                .extract().path("referralId");

        assertNotEquals(knownChildOf(amy), knownChildOf(ben), "same surname, birth date and postcode: twins");
        assertEquals(knownChildOf(amy), knownChildOf(amyAgain), "the first name matches whatever its spelling");
        assertEquals(knownChildOf(amy), knownChildOf(amelia), "another first name, the same NHS number: one child");
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + ben)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.contactsInLast12Months", equalTo(0))
                .body("children[0].priorInvolvement.sameDayFirstReferralId", nullValue());
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + amyAgain)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(amy));
    }

    @Test
    void exactNamesAndBirthDateLinkTheChildAfterAHouseMoveOrWithoutAnAddressAndTwinsStayApart() throws Exception {
        String surname = uniqueSurname();
        String atHome = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201)
                .extract().path("referralId");
        String moved = submitAsFrontDoor(schoolReferral(surname.toUpperCase(), null).replace("DN1 1AA", "DN9 3AB"))
                .then().statusCode(201).extract().path("referralId");
        String noAddress = submitAsFrontDoor(withoutAddress(named("AMY", schoolReferral(surname, null))))
                .then().statusCode(201).extract().path("referralId");
        String twinMoved = submitAsFrontDoor(named("Ben", schoolReferral(surname, null)).replace("DN1 1AA", "DN9 3AB"))
                .then().statusCode(201).extract().path("referralId");
        String twinAtHome = submitAsFrontDoor(named("Ben", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");

        UUID amy = knownChildOf(atHome);
        assertEquals(amy, knownChildOf(moved), "another postcode, the same names and date of birth: one child");
        assertEquals(amy, knownChildOf(noAddress), "no address, the same names and date of birth: one child");
        assertNotEquals(amy, knownChildOf(twinMoved), "the twin's first name differs: another child");
        assertEquals(knownChildOf(twinMoved), knownChildOf(twinAtHome));
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + moved)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", equalTo(atHome));
        given().auth().oauth2(token("triage-worker")).when().get("/api/v1/referrals/" + twinMoved)
                .then().statusCode(200)
                .body("children[0].priorInvolvement.sameDayFirstReferralId", nullValue());
        assertEquals(List.of(amy), uuids("select known_child_id from child_identity where match_key = 'name:"
                + Surname.key(surname) + "|AMY|2016-04-02'"));
        assertEquals(List.of(amy), uuids("select known_child_id from child_identity where match_key = 'demo:"
                + Surname.key(surname) + "|AMY|2016-04-02|DN93AB'"), "the new address's key is claimed for the child");
    }

    @Test
    void theNameKeyIsBackfilledForChildrenRecordedBeforeItForTheEarliestContactsKnownChild() throws Exception {
        String surname = uniqueSurname();
        String nameKey = "name:" + Surname.key(surname) + "|AMY|2016-04-02";
        String first = submitAsFrontDoor(schoolReferral(surname, null)).then().statusCode(201)
                .extract().path("referralId");
        // as before V6: no name key, so the same child at another address was recorded as another known child
        execute("delete from child_identity where match_key = '" + nameKey + "'");
        String elsewhere = submitAsFrontDoor(schoolReferral(surname, null).replace("DN1 1AA", "DN9 3AB"))
                .then().statusCode(201).extract().path("referralId");
        execute("delete from child_identity where match_key = '" + nameKey + "'");
        String twin = submitAsFrontDoor(named("Ben", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        String twinKey = "name:" + Surname.key(surname) + "|BEN|2016-04-02";
        execute("delete from child_identity where match_key = '" + twinKey + "'");
        assertNotEquals(knownChildOf(first), knownChildOf(elsewhere));

        asOwner(migration("db/migration/V6__name_key_and_merged_records.sql"));

        assertEquals(List.of(knownChildOf(first)), uuids("select known_child_id from child_identity where match_key = '"
                + nameKey + "'"), "the earliest contact's known child has the key; the MASH may merge the other");
        assertEquals(List.of(knownChildOf(twin)), uuids("select known_child_id from child_identity where match_key = '"
                + twinKey + "'"));
        assertEquals(List.of(knownChildOf(elsewhere)), uuids("select known_child_id from child_identity where"
                + " match_key = 'demo:" + Surname.key(surname) + "|AMY|2016-04-02|DN93AB'"), "other keys untouched");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "without an NHS number", "with an NHS number", "some with an NHS number" })
    void concurrentContactsForOneNewChildGiveOneKnownChild(String which) throws Exception {
        String surname = uniqueSurname();
        String nhs = uniqueNhsNumber();
        Timestamp started = Timestamp.from(Instant.now().minusSeconds(1));
        int callers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                boolean withNhs = which.startsWith("with") || which.startsWith("some") && i % 2 == 0;
                String body = schoolReferral(surname, withNhs ? nhs : null);
                calls.add(pool.submit(() -> {
                    go.await();
                    return submitAsPartner(body).then().statusCode(201).extract().<String>path("referralId");
                }));
            }
            go.countDown();
            for (Future<String> call : calls) {
                ids.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Set<UUID> known = new HashSet<>();
        for (String id : ids) {
            known.add(knownChildOf(id));
        }
        assertEquals(1, known.size(), "one new child, one known child: " + known);
        UUID child = known.iterator().next();
        assertEquals(List.of(child), uuids("select distinct known_child_id from child_identity where match_key like '"
                + "demo:" + Surname.key(surname) + "|%' or match_key = 'nhs:" + nhs + "'"), "every key names that child");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from known_child k where created_at >= ?"
                        + " and not exists (select 1 from referral_child rc where rc.known_child_id = k.id)")) {
            ps.setTimestamp(1, started);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no known child made up by a contact that lost the race is left");
            }
        }
    }

    @Test
    void keysRecordedBeforeTheFirstNameWasPartOfThemAreRewrittenAndKeepMatching() throws Exception {
        String surname = uniqueSurname();
        String zoe = submitAsFrontDoor(named("Zoë", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        UUID child = knownChildOf(zoe);
        String newKey = "demo:" + Surname.key(surname) + "|ZOE|2016-04-02|DN11AA";
        String oldKey = "demo:" + Surname.key(surname) + "|2016-04-02|DN11AA";
        // as the child was recorded before V3: without the first name
        execute("update child_identity set match_key = '" + oldKey + "' where match_key = '" + newKey + "'");

        // as Flyway runs it: as the database's owner (the service's own role may not create functions)
        asOwner(migration("db/migration/V3__first_name_in_match_keys.sql"));

        assertEquals(List.of(child), uuids("select known_child_id from child_identity where match_key = '" + newKey + "'"));
        assertEquals(List.of(), uuids("select known_child_id from child_identity where match_key = '" + oldKey + "'"));
        String again = submitAsFrontDoor(named("ZOE", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        String twin = submitAsFrontDoor(named("Ben", schoolReferral(surname, null))).then().statusCode(201)
                .extract().path("referralId");
        assertEquals(child, knownChildOf(again));
        assertNotEquals(child, knownChildOf(twin));
    }

    @Test
    void theMigrationsFirstNameKeyIsTheJavaOne() throws Exception {
        List<String> names = List.of("Amy", " amy ", "Anne-Marie", "O'Brien", "D'Arcy", "Mary Jane", "J.R.", "Zoë",
                "Siân", "Seán", "Éabha", "Llŷr", "Ŵyn", "José", "Łukasz", "Ştefan", "Ștefan", "Dvořák", "Þóra", "Ægir",
                "Øystein", "Åsa", "Jürgen", "Weiß", "ﬁona", "Nguyễn", "Đức", "Ọlá", "Ṣadé", "Çağlar", "İlkay",
                "ılgın", "Ǆemal", "ǅ", "ŉ", "Ίρις", "Αλέξανδρος", "Йосиф", "Ёлка", "Анна-Мария", "יִצְחָק", "שָׂרָה",
                "مُحَمَّد", "محمد", "李小龍", "さくら", "김민준", "   ", "--");
        List<String> sql = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select name_key(n) from unnest(?) with ordinality as t(n, i)"
                        + " order by i")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sql.add(rs.getString(1));
                }
            }
        }
        assertEquals(names.stream().map(Surname::key).toList(), sql);
    }

    private static String withoutAddress(String body) {
        return body.replace("\"address\": {\"line1\": \"1 High St\", \"town\": \"Doncaster\","
                + " \"postcode\": \"DN1 1AA\"},", "");
    }

    private static String named(String firstName, String body) {
        return body.replace("\"firstName\": \"Amy\"", "\"firstName\": \"" + firstName + "\"");
    }

    private String migration(String resource) throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<UUID> uuids(String sql) throws Exception {
        List<UUID> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getObject(1, UUID.class));
            }
        }
        return found;
    }

    private UUID knownChildOf(String referralId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select known_child_id from referral_child where referral_id = ?::uuid and position = 0")) {
            ps.setString(1, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void asOwner(String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(
                org.frontdoor.testsupport.PostgresTestResource.jdbcUrl("referral"),
                org.frontdoor.testsupport.PostgresTestResource.username(),
                org.frontdoor.testsupport.PostgresTestResource.password());
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
