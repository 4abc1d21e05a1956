package org.frontdoor.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.notification.domain.DeadlineState;
import org.frontdoor.notification.domain.FollowUpService;
import org.frontdoor.notification.domain.Notification;
import org.frontdoor.notification.domain.NotificationQueries;
import org.frontdoor.notification.domain.NotificationStatus;
import org.frontdoor.notification.domain.RetryService;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;
import org.frontdoor.support.validation.Text;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What each referrer and partner agency is owed, whether it was delivered"
        + " on time, and failed deliveries")
public class NotificationResource {

    static final String ITEM_EXAMPLE = """
            {"notificationId": "5a0e4a53-8d0c-4a8e-9f3c-2b1f7f6f0b51",
             "referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21",
             "kind": "OUTCOME", "status": "AWAITING_DECISION", "recipientOrganisation": "hillside-primary",
             "recipientEmail": "d***@hillside.example", "dueBy": "2026-12-02T10:15:00Z",
             "latestBy": "2026-12-07T10:15:00Z", "deadline": "AT_RISK", "attempts": 0,
             "webhookId": "msg_5a0e4a53-8d0c-4a8e-9f3c-2b1f7f6f0b51", "createdAt": "2026-11-23T10:15:01Z"}""";

    static final String RETRIED_EXAMPLE = """
            {"notificationId": "5a0e4a53-8d0c-4a8e-9f3c-2b1f7f6f0b51",
             "referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "kind": "ACKNOWLEDGEMENT", "status": "PENDING",
             "channel": "WEBHOOK", "recipientOrganisation": "hillside-primary", "dueBy": "2026-11-24T10:15:00Z",
             "deadline": "OVERDUE", "attempts": 14, "nextAttemptAt": "2026-11-25T09:30:00Z",
             "lastError": "HTTP 503 from the partner's endpoint",
             "webhookId": "msg_5a0e4a53-8d0c-4a8e-9f3c-2b1f7f6f0b51", "createdAt": "2026-11-23T10:15:01Z"}""";

    static final String PAGE_EXAMPLE = "{\"page\": 0, \"size\": 20, \"total\": 1, \"asOf\": \"2026-12-01T12:00:00Z\","
            + " \"items\": [" + ITEM_EXAMPLE + "]}";

    static final String OVERDUE_EXAMPLE = "{\"asOf\": \"2026-12-01T12:00:00Z\", \"atRiskUntil\": \"2026-12-02T12:00:00Z\","
            + " \"overdue\": 0, \"atRisk\": 1, \"couldNotInform\": 0, \"page\": 0, \"size\": 50, \"total\": 1,"
            + " \"items\": [" + ITEM_EXAMPLE + "]}";

    static final String INVALID_EXAMPLE = ProblemExamples.INVALID + """
             "detail": "2 fields are not valid", "instance": "/api/v1/notifications",
             "errors": [{"field": "overdue", "message": "must be true or false"},
                        {"field": "status", "message": "must be one of AWAITING_DECISION, PENDING, SENT, FAILED, INFORMED_OTHERWISE, WITHHELD_NO_CONSENT"}]}""";

    static final String COULD_NOT_INFORM_EXAMPLE = """
            {"asOf": "2026-12-01T12:00:00Z", "page": 0, "size": 50, "total": 1, "items": [
             {"notificationId": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
              "referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21",
              "kind": "CASE_CLOSED", "recipient": {"organisationId": "family-action-doncaster",
               "organisationName": "Family Action Doncaster", "referrer": false, "inDirectory": true,
               "agencyType": "VOLUNTARY", "contactEmails": [], "active": true},
              "reason": "NO_CHANNEL",
              "reasonText": "no channel: no webhook subscription or email address for this recipient",
              "lastError": "no webhook subscription or email address for this recipient", "attempts": 1,
              "gaveUpAt": "2026-11-28T15:02:11Z", "dueBy": "2026-12-01T15:02:10Z", "deadline": "OVERDUE"}]}""";

    static final String INFORMED_EXAMPLE = """
            {"how": "PHONE", "note": "Told the duty manager by phone that the case closed; they have no system"}""";

    static final String INFORMED_INVALID_EXAMPLE = ProblemExamples.INVALID + """
             "detail": "how: must be one of [PHONE, SECURE_EMAIL, LETTER, IN_PERSON]",
             "instance": "/api/v1/notifications/7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/informed",
             "errors": [{"field": "how", "message": "must be one of [PHONE, SECURE_EMAIL, LETTER, IN_PERSON]"}]}""";

    @Inject
    NotificationQueries queries;

    @Inject
    RetryService retries;

    @Inject
    FollowUpService followUps;

    @Inject
    RequestValidation validation;

    @Inject
    JsonWebToken token;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.OPS, Roles.TEAM_MANAGER })
    @Transactional
    @Operation(operationId = "searchNotifications", summary = "Find notifications", description = "By referral, status (e.g. FAILED, or WITHHELD_NO_CONSENT:"
            + " held back for a young adult's consent) and whether they"
            + " are overdue (undelivered past their due time), soonest due first. Each item says where it stands"
            + " against its deadline as of `asOf` (default now). The message text is never shown.")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.Page.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Invalid parameters, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public NotificationView.Page search(
            @BeanParam ReferralParam referralId,
            @Parameter(description = "AWAITING_DECISION, PENDING, SENT, FAILED (could not inform),"
                    + " INFORMED_OTHERWISE (told by the front door by other means) or WITHHELD_NO_CONSENT (held back"
                    + " for a young adult's consent, with its withheldReason)", example = "FAILED",
                    schema = @Schema(implementation = NotificationStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "true: only undelivered past due; false: only those not overdue",
                    schema = @Schema(type = SchemaType.BOOLEAN), example = "true") @QueryParam("overdue") String overdue,
            @BeanParam AsOfParam asOf,
            @Parameter(example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(example = "20", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") String size) {
        QueryReader query = new QueryReader(clock);
        UUID referral = referralId.read(query);
        NotificationStatus wanted = status(status, query);
        Boolean overdueOnly = query.bool(overdue, "overdue");
        Instant now = asOf.read(query);
        QueryReader.PageRequest paging = query.page(page, size, 100_000, 100);
        query.done();
        NotificationQueries.Found found = queries.search(new NotificationQueries.Criteria(referral, wanted,
                overdueOnly), now, paging.page(), paging.size());
        Instant horizon = queries.horizon(now);
        audit.record("notification.search", referral, found.items().size() + " result(s)");
        return new NotificationView.Page(paging.page(), paging.size(), found.total(), now,
                found.items().stream().map(n -> NotificationView.of(n, now, horizon)).toList());
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ Roles.OPS, Roles.TEAM_MANAGER })
    @Transactional
    @Operation(operationId = "listOverdueNotifications", summary = "Overdue and at-risk notifications", description = "Undelivered messages past their due"
            + " time (OVERDUE) or due within the at-risk window, 1 working day by default (AT_RISK), soonest due"
            + " first. Outcomes still waiting for a triage decision are included: they show as at risk before they"
            + " are late. Working days exclude weekends and English bank holidays.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.Overdue.class),
                    examples = @ExampleObject(name = "overdue", value = OVERDUE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Invalid parameters, each listed")
    public NotificationView.Overdue overdue(
            @BeanParam AsOfParam asOf,
            @BeanParam ReferralParam referralId,
            @BeanParam PageParams pages) {
        QueryReader query = new QueryReader(clock);
        Instant at = asOf.read(query); // named first in a 422, as the parameters stand
        Listing list = listing(query, referralId.read(query), at, pages);
        List<Notification> all = queries.overdueOrAtRisk(list.now(), list.referral());
        long overdueCount = all.stream().filter(n -> n.deadlineState(list.now(), list.horizon())
                == DeadlineState.OVERDUE).count();
        List<NotificationView> items = pageOf(all, list, n -> NotificationView.of(n, list.now(), list.horizon()),
                "notification.overdue");
        return new NotificationView.Overdue(list.now(), list.horizon(), overdueCount, all.size() - overdueCount,
                queries.couldNotInformCount(list.referral()), list.paging().page(), list.paging().size(), all.size(),
                items);
    }

    @GET
    @Path("/could-not-inform")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
    @Transactional
    @Operation(operationId = "listCouldNotInform", summary = "Could not inform", description = "Messages the service could not deliver: no channel (no"
            + " webhook subscription and no email address for the recipient) or every attempt failed within the retry"
            + " window (after falling back to email where an address is known), or the recipient organisation is"
            + " inactive in the partner directory (nothing was sent). Each is a task for the front door:"
            + " tell the recipient by other means, then `POST .../{id}/informed`. Soonest due first, so the most"
            + " overdue is at the top. Carries the recipient's contact details the service holds (the referral"
            + " record's, and the partner directory's name and contact emails), unmasked; never a"
            + " child's name. Messages held back for a young adult's consent are not tasks and are not listed.")
    @APIResponse(responseCode = "200", description = "The open tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CouldNotInformView.Page.class),
                    examples = @ExampleObject(name = "tasks", value = COULD_NOT_INFORM_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Invalid parameters, each listed")
    public CouldNotInformView.Page couldNotInform(
            @BeanParam ReferralParam referralId,
            @BeanParam AsOfParam asOf,
            @BeanParam PageParams pages) {
        QueryReader query = new QueryReader(clock);
        Listing list = listing(query, referralId.read(query), asOf.read(query), pages);
        List<NotificationQueries.Task> all = queries.couldNotInform(list.referral());
        return new CouldNotInformView.Page(list.now(), list.paging().page(), list.paging().size(), all.size(),
                pageOf(all, list, t -> CouldNotInformView.of(t, list.now(), list.horizon()),
                        "notification.could-not-inform"));
    }

    @POST
    @Path("/{id}/informed")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
    @Operation(operationId = "recordInformedOtherwise", summary = "The recipient was told by other means", description = "Closes a could-not-inform task:"
            + " the front door told the recipient by phone, secure email, letter or in person. The notification becomes"
            + " INFORMED_OTHERWISE (never sent afterwards), leaves the list, and records how, who and when; audited."
            + " Its deadline is judged by when they were told.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "No such notification")
    @APIResponse(responseCode = "409", description = "It is not on the could-not-inform list")
    @APIResponse(responseCode = "422", description = "Invalid body, each field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INFORMED_INVALID_EXAMPLE)))
    public NotificationView informed(@PathParam("id") UUID id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "phone", value = INFORMED_EXAMPLE)))
            InformedRequest request) {
        validation.check(request, List.of());
        Notification n = followUps.informed(id, request.how(), Text.blankToNull(request.note()),
                Caller.of(token).subject());
        return viewNow(n);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPS, Roles.TEAM_MANAGER })
    @Transactional
    @Operation(operationId = "getNotification", summary = "One notification", description = "Its delivery attempts, last error and deadline.")
    @APIResponse(responseCode = "200", description = "The notification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class),
                    examples = @ExampleObject(name = "notification", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationView get(@PathParam("id") UUID id) {
        Notification n = Notification.<Notification>findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("Notification " + id));
        audit.record("notification.read", n.referralId, "notification " + id);
        return viewNow(n);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({ Roles.OPS, Roles.TEAM_MANAGER })
    @Operation(operationId = "retryNotification", summary = "Retry a failed notification", description = "Puts a FAILED notification back in the"
            + " queue with a fresh retry window (e.g. once the partner has fixed its endpoint). It keeps its"
            + " webhook-id, so the partner can tell it from a new message. It leaves the could-not-inform list until"
            + " it fails again; it is tried by webhook first again, even if it had fallen back to email.")
    @APIResponse(responseCode = "200", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class),
                    examples = @ExampleObject(name = "queued", value = RETRIED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such notification")
    @APIResponse(responseCode = "409", description = "It has not failed")
    public NotificationView retry(@PathParam("id") UUID id) {
        Notification n = retries.retry(id);
        return viewNow(n);
    }

    /** One notification as it stands now, with its deadline state. */
    private NotificationView viewNow(Notification n) {
        Instant now = Instants.now(clock);
        return NotificationView.of(n, now, queries.horizon(now));
    }


    /** A deadline list asked for: of one referral or all, judged as of {@code now}, one page of it. */
    private record Listing(UUID referral, Instant now, Instant horizon, QueryReader.PageRequest paging) {
    }

    /** Reads the page (after the other parameters, so a 422 names them in order) and refuses what was bad. */
    private Listing listing(QueryReader query, UUID referral, Instant now, PageParams pages) {
        QueryReader.PageRequest paging = pages.read(query);
        query.done();
        return new Listing(referral, now, queries.horizon(now), paging);
    }

    /** The page asked for of a whole list, each item as its view; who read which page is audited. */
    private <T, V> List<V> pageOf(List<T> all, Listing list, Function<T, V> view, String action) {
        List<V> items = Paging.slice(all, list.paging().page(), list.paging().size()).stream().map(view).toList();
        audit.record(action, list.referral(), "page " + list.paging().page() + ": " + items.size() + " of "
                + all.size() + " result(s)");
        return items;
    }

    private static NotificationStatus status(String value, QueryReader query) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            query.error("status", "must be one of " + Arrays.stream(NotificationStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }
}
