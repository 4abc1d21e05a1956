package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every list of the API is answered a page at a time, at most 100 items: the work lists a manager or a worker reads
 * (approvals, allocation, timescales, own cases) and the staff directory were whole lists before.
 */
@QuarkusTest
class PagedListsTest {

    private static final List<String> LISTS = List.of("/api/v1/triage-items/awaiting-approval",
            "/api/v1/cases/awaiting-allocation", "/api/v1/timescales", "/api/v1/me/cases", "/api/v1/staff",
            "/api/v1/workers");

    @Test
    void theStaffDirectoryIsReadPageByPageEachMemberOnce() {
        // three more members, so that pages of two cross at least twice
        for (int i = 0; i < 3; i++) {
            String id = "tw-page-" + UUID.randomUUID().toString().substring(0, 8);
            as(MANAGER).body("""
                    {"id": "%s", "subject": "idp-%s", "name": "Page Reader", "email": "reader@council.example",
                     "team": "MASH", "role": "TRIAGE_WORKER"}""".formatted(id, id)).post("/api/v1/staff").then()
                    .statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        long total = -1;
        for (int page = 0;; page++) {
            JsonPath reply = as(WORKER).queryParam("size", 2).queryParam("page", page).get("/api/v1/staff").then()
                    .statusCode(200).body("page", equalTo(page)).body("size", equalTo(2)).extract().jsonPath();
            List<String> ids = reply.getList("items.id");
            assertTrue(ids.size() <= 2, ids.toString());
            total = reply.getLong("total");
            seen.addAll(ids);
            if (ids.size() < 2) {
                break;
            }
        }
        assertTrue(total >= 3, "total " + total);
        assertEquals(total, seen.size(), "total counts every member: " + seen);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no member on two pages: " + seen);
        as(WORKER).queryParam("page", 100_000).get("/api/v1/staff").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo((int) total));
    }

    @Test
    void everyListTakesAPageAndASizeOfAtMostOneHundred() {
        for (String list : LISTS) {
            as(MANAGER).get(list).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(50));
            as(MANAGER).queryParam("size", 100).get(list).then().statusCode(200).body("size", equalTo(100));
            as(MANAGER).queryParam("size", 101).get(list).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("size"));
            as(MANAGER).queryParam("size", 0).queryParam("page", -1).get(list).then().statusCode(422)
                    .body("errors.field", contains("page", "size"));
        }
    }
}
