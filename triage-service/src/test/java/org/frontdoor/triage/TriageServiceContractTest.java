package org.frontdoor.triage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontdoor.testsupport.ServiceContractTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TriageServiceContractTest extends ServiceContractTest {

    TriageServiceContractTest() {
        super("Triage service API");
    }

    /** A triage worker does a whole decision from Swagger UI: every operation is described, every body has examples. */
    @Test
    @SuppressWarnings("unchecked")
    void everyTriageOperationIsDescribedAndEveryRequestBodyHasAnExample() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> expected = List.of("/api/v1/triage-items", "/api/v1/triage-items/{id}",
                "/api/v1/triage-items/{id}/claim", "/api/v1/triage-items/{id}/assign",
                "/api/v1/triage-items/{id}/checks", "/api/v1/triage-items/{id}/decision", "/api/v1/workers",
                "/api/v1/cases/{id}", "/api/v1/cases/{id}/allocate", "/api/v1/cases/{id}/step",
                "/api/v1/cases/{id}/close", "/api/v1/triage/metrics", "/api/v1/triage-items/awaiting-approval",
                "/api/v1/triage-items/{id}/approve", "/api/v1/triage-items/{id}/send-back",
                "/api/v1/cases/awaiting-allocation", "/api/v1/staff", "/api/v1/staff/{id}",
                "/api/v1/staff/{id}/deactivate", "/api/v1/me", "/api/v1/me/items", "/api/v1/me/cases",
                "/api/v1/me/alerts", "/api/v1/me/alerts/{id}/read", "/api/v1/children/{childKey}/characteristics",
                "/api/v1/triage-items/{id}/assessments", "/api/v1/assessments/{id}",
                "/api/v1/triage-items/{id}/section47-enquiries", "/api/v1/section47-enquiries/{id}",
                "/api/v1/timescales", "/api/v1/returns/cin-census", "/api/v1/returns/cin-census/errors",
                "/api/v1/returns/annex-a", "/api/v1/returns/annex-a/lists/{list}", "/api/v1/triage/indicators",
                "/api/v1/cases/awaiting-approval", "/api/v1/cases/{id}/change/approve",
                "/api/v1/cases/{id}/change/decline", "/api/v1/children/{childKey}/merge",
                "/api/v1/children/{childKey}/unmerge", "/api/v1/children/{childKey}/not-the-same",
                "/api/v1/children/{childKey}/chronology", "/api/v1/children/searches",
                "/api/v1/triage-items/{id}/information-requests",
                "/api/v1/information-requests", "/api/v1/information-requests/{id}",
                "/api/v1/information-requests/{id}/response");
        assertTrue(paths.keySet().containsAll(expected), paths.keySet().toString());
        // a child's name and date of birth never travel in a URL: the children search is a POST with a body
        assertFalse(paths.containsKey("/api/v1/children"), paths.keySet().toString());
        assertEquals(Set.of("post"), paths.get("/api/v1/children/searches").keySet());
        // closed sets of values are enums in the document, not free strings
        assertEquals(List.of("NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP_SINGLE_AGENCY",
                "EARLY_HELP_TARGETED", "SOCIAL_CARE_ASSESSMENT", "STRATEGY_DISCUSSION", "PASSED_TO_ALLOCATED_WORKER"),
                openApi.getList("components.schemas.Outcome.enum"));
        assertEquals(List.of("NEW", "IN_PROGRESS", "AWAITING_APPROVAL", "DECIDED"),
                openApi.getList("components.schemas.TriageStatus.enum"));
        assertEquals(List.of("REQUESTED", "ANSWERED", "NO_TRACE", "DECLINED", "OVERDUE"),
                openApi.getList("components.schemas.InformationRequestStatus.enum"));
        // the census code lists travel as the DfE's codes, as the returns and the people who make them know them
        assertEquals(List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"),
                openApi.getList("components.schemas.Ethnicity.enum"));
        assertEquals(List.of("M", "F", "U"), openApi.getList("components.schemas.CensusSex.enum"));
        assertEquals(List.of("CONTACT", "DECISION", "CHECK", "CASE_STEP", "ASSESSMENT", "SECTION47_ENQUIRY",
                "MESSAGE_TO_REFERRER", "RECORDS_MERGED", "RECORDS_SEPARATED"),
                openApi.getList("components.schemas.ChronologyEntryType.enum"));
        assertTrue(openApi.getList("components.schemas.AssessmentFactor.enum").containsAll(List.of("1A", "21")));
        for (String path : expected) {
            paths.get(path).forEach((method, operation) -> {
                String where = method.toUpperCase() + " " + path;
                assertNotNull(operation.get("summary"), where + " has a summary");
                assertNotNull(operation.get("description"), where + " has a description");
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) body.get("content"))
                            .get("application/json");
                    Map<String, Object> examples = (Map<String, Object>) json.get("examples");
                    assertTrue(examples != null && !examples.isEmpty(), where + " has a request example");
                }
                assertFalse(((Map<String, Object>) operation.get("responses")).isEmpty(), where + " lists responses");
            });
        }
    }
}
