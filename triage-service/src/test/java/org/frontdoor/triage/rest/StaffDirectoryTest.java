package org.frontdoor.triage.rest;

import static org.frontdoor.triage.Triage.MANAGER;
import static org.frontdoor.triage.Triage.WORKER;
import static org.frontdoor.triage.Triage.as;
import static org.frontdoor.triage.Triage.decision;
import static org.frontdoor.triage.Triage.queued;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Team managers keep the staff directory; a sign-in is linked to a member of staff by its subject. */
@QuarkusTest
class StaffDirectoryTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aManagerAddsAWorkerWhoseSignInThenWorksTheQueue() throws Exception {
        String id = "tw-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "idp-" + UUID.randomUUID();
        String item = queued(List.of("BULLYING"), false);

        // not in the directory yet: the token is valid, but they cannot work items
        as(WORKER, subject).get("/api/v1/me").then().statusCode(403).contentType(PROBLEM)
                .body("detail", startsWith("Your sign-in (" + subject + ") is not linked to an active member of staff"));
        as(WORKER, subject).post("/api/v1/triage-items/" + item + "/claim").then().statusCode(403);

        String body = """
                {"id": "%s", "subject": "%s", "name": "Nia Clarke", "email": "nia.clarke@council.example",
                 "team": "MASH", "role": "TRIAGE_WORKER"}""".formatted(id, subject);
        as(WORKER).body(body).post("/api/v1/staff").then().statusCode(403);
        as(MANAGER).body(body).post("/api/v1/staff").then().statusCode(201)
                .header("Location", startsWith("http")).header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id)).body("role", equalTo("TRIAGE_WORKER")).body("active", equalTo(true))
                .body("pathway", nullValue()).body("caseloadLimit", equalTo(16));
        as(MANAGER).body(body).post("/api/v1/staff").then().statusCode(409).contentType(PROBLEM);

        as(WORKER, subject).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id))
                .body("name", equalTo("Nia Clarke"));
        as(WORKER, subject).post("/api/v1/triage-items/" + item + "/claim").then().statusCode(200)
                .body("assignedTo", equalTo(id));
        as(WORKER, subject).get("/api/v1/me/items").then().statusCode(200).body("items.id", hasItem(item));

        // deactivated: their undecided items go back to the queue, and their sign-in no longer works items
        as(MANAGER).post("/api/v1/staff/" + id + "/deactivate").then().statusCode(200)
                .body("staff.active", equalTo(false)).body("itemsReturnedToQueue", contains(item));
        as(WORKER).get("/api/v1/triage-items/" + item).then().body("status", equalTo("NEW"))
                .body("assignedTo", nullValue()).body("history.action", hasItem("RETURNED_TO_QUEUE"));
        as(WORKER, subject).get("/api/v1/me").then().statusCode(403);
        as(MANAGER).body("{\"assignee\": \"" + id + "\"}").post("/api/v1/triage-items/" + item + "/assign").then()
                .statusCode(422).body("errors.field", contains("assignee"));
    }

    @Test
    void badStaffRecordsAreRefusedFieldByFieldAndStaleChangesAre412() {
        as(MANAGER).body("""
                {"id": "Not An Id", "subject": "dev-triage-worker", "name": "", "email": "not-an-email",
                 "team": "MASH", "role": "SOCIAL_WORKER", "caseloadLimit": 0}""")
                .post("/api/v1/staff").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("id", "subject", "name", "email", "pathway", "caseloadLimit"))
                .body("errors.find { it.field == 'subject' }.message", equalTo("is already the sign-in of tw-tara-jones"))
                .body("errors.find { it.field == 'pathway' }.message", equalTo("is required for a SOCIAL_WORKER"));
        as(MANAGER).body("{\"id\": \"x-1\", \"name\": \"X\", \"team\": \"T\", \"role\": \"WIZARD\"}")
                .post("/api/v1/staff").then().statusCode(422).body("errors.field", contains("role"));

        String id = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String record = """
                {"id": "%s", "name": "Gita Rao", "team": "Assessment team 2", "pathway": "SOCIAL_CARE",
                 "role": "SOCIAL_WORKER", "caseloadLimit": 14}""".formatted(id);
        String etag = as(MANAGER).body(record).post("/api/v1/staff").then().statusCode(201).extract().header("ETag");
        // the limit only: a random id may hold "14" too
        String limit14 = "\"caseloadLimit\": 14";
        as(MANAGER).header("If-Match", etag).body(record.replace(limit14, "\"caseloadLimit\": 12"))
                .put("/api/v1/staff/" + id).then()
                .statusCode(200).body("caseloadLimit", equalTo(12)).header("ETag", equalTo("\"1\""));
        as(MANAGER).header("If-Match", etag).body(record.replace(limit14, "\"caseloadLimit\": 10"))
                .put("/api/v1/staff/" + id).then()
                .statusCode(412).contentType(PROBLEM);
        as(MANAGER).body(record.replace(id, "sw-someone-else")).put("/api/v1/staff/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("id"));
        as(MANAGER).get("/api/v1/staff/" + id).then().statusCode(200).body("caseloadLimit", equalTo(12));
        as(MANAGER).get("/api/v1/staff/nobody-" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deactivatingALeadWorkerListsTheirOpenCasesForReallocation() throws Exception {
        String id = "eh-" + UUID.randomUUID().toString().substring(0, 8);
        as(MANAGER).body("""
                {"id": "%s", "name": "Leo Hunt", "team": "Early help west", "pathway": "EARLY_HELP",
                 "role": "EARLY_HELP_PRACTITIONER"}""".formatted(id)).post("/api/v1/staff").then().statusCode(201);
        String item = queued(List.of("SIGNS_OF_NEGLECT"), false);
        String caseId = as(WORKER).body(decision(3, "EARLY_HELP_TARGETED", null).replaceFirst("\\{",
                "{\"leadWorker\": \"" + id + "\",")).post("/api/v1/triage-items/" + item + "/decision").then()
                .statusCode(200).extract().path("caseId");

        as(MANAGER).body("""
                {"id": "%s", "name": "Leo Hunt", "team": "Early help west", "pathway": "EARLY_HELP",
                 "role": "EARLY_HELP_PRACTITIONER", "active": false}""".formatted(id)).put("/api/v1/staff/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("active"));
        as(MANAGER).post("/api/v1/staff/" + id + "/deactivate").then().statusCode(200)
                .body("staff.active", equalTo(false)).body("staff.openCases.caseId", contains(caseId));
        as(MANAGER).body("{\"worker\": \"eh-ed-walsh\"}").post("/api/v1/cases/" + caseId + "/allocate").then()
                .statusCode(200).body("leadWorker", equalTo("eh-ed-walsh"));
    }
}
