package org.frontdoor.triage.console;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.queued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontdoor.testsupport.PartnerDirectoryFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the console's CSRF token is bound to the signed-in session. Two sessions of the same person each get
 * their own; a form posted in one session with the other's token (or with none) is refused with 403 and saves
 * nothing, and the same form with its own session's token is recorded.
 */
@QuarkusTest
class ConsoleCsrfTest {

    @TestHTTPResource("/console")
    URL console;

    @Test
    void aFormCountsOnlyWithItsOwnSessionsToken() throws Exception {
        PartnerDirectoryFixture.active("south-yorkshire-police", "South Yorkshire Police", "POLICE", "6");
        String item = queued(List.of("NON_ACCIDENTAL_INJURY"), false);
        String base = console.toString().replaceAll("/$", "");
        ConsoleSession first = ConsoleSession.signIn(base, "dev-triage-worker", "triage-worker");
        ConsoleSession second = ConsoleSession.signIn(base, "dev-triage-worker", "triage-worker");

        String firstToken = ConsoleSession.csrf(first.get("/items/" + item).body());
        String page = second.get("/items/" + item).body();
        String secondToken = ConsoleSession.csrf(page);
        assertNotEquals(firstToken, secondToken, "each session has a token of its own, even for the same person");
        assertEquals(secondToken, ConsoleSession.csrf(second.get("/items/" + item).body()),
                "the session's token is the same on every page it draws");

        // the second session's cookies with the first session's token: as a forged form would come
        HttpResponse<String> forged = second.post("/items/" + item + "/checks", check(firstToken, version(page, item)));
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("This form has expired"), forged.body());
        HttpResponse<String> none = second.post("/items/" + item + "/checks", check(null, version(page, item)));
        assertEquals(403, none.statusCode(), "no token at all");
        assertEquals(0, checks(item), "nothing saved");

        HttpResponse<String> own = second.post("/items/" + item + "/checks", check(secondToken, version(page, item)));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("/console/items/" + item, own.uri().getPath(), "redirected to the contact after saving");
        assertTrue(own.body().contains("Check recorded"), own.body());
        assertEquals(1, checks(item), "the check is saved with the session's own token");
    }

    private static Map<String, String> check(String token, String version) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (token != null) {
            fields.put("csrf", token);
        }
        fields.put("version", version);
        fields.put("organisation", "south-yorkshire-police");
        fields.put("contactName", "DC R. Hughes");
        fields.put("checkedAt-day", "30");
        fields.put("checkedAt-month", "11");
        fields.put("checkedAt-year", "2026");
        fields.put("checkedAtTime", "10:15");
        fields.put("findings", "Known to police: two call-outs this year.");
        return fields;
    }

    /** The version the check form carries, as a browser would post it back. */
    private static String version(String page, String item) {
        Matcher m = Pattern.compile("action=\"/console/items/" + item + "/checks\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        assertTrue(m.find(), "the check form carries the item's version");
        return m.group(1);
    }

    private static int checks(String item) {
        return as(MANAGER).get("/api/v1/triage-items/" + item).jsonPath().getList("checks").size();
    }
}
