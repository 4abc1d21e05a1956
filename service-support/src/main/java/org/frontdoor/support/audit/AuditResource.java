package org.frontdoor.support.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.csv.Csv;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;

/**
 * This service's audit trail for information governance: who read or changed a child's record, searched by record,
 * user and time; exported whole for a subject access request; its hash chain checked. Every use is itself audited.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INFORMATION_GOVERNANCE)
@Tag(name = "Audit", description = "For information governance: this service's audit trail")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    AuditChain chain;

    @POST
    @Path("/searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchAudit", summary = "Search the audit trail",
            description = "Entries about a contact, by a user, of an action or in a time, oldest first. The criteria"
                    + " travel in the body; the search is audited with them.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public AuditEntry.Page search(@NotNull @Valid AuditQuery query) {
        AuditEntry.Page found = audit.search(query);
        audit.record("audit.search", query.referralId(), query.describe() + "; page " + found.page() + ": "
                + found.items().size() + " of " + found.total() + " entries");
        return found;
    }

    /** What a subject access request needs of this service's trail about one contact. */
    public record ExportRequest(@NotNull @Schema(required = true) UUID referralId) {
    }

    @POST
    @Path("/exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/csv")
    @Operation(operationId = "exportAudit", summary = "Export the trail about a contact",
            description = "Every entry about the contact, oldest first, as CSV, for a subject access request.")
    @APIResponse(responseCode = "200", description = "The entries as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, maxLength = 100_000_000)))
    public Response export(@NotNull @Valid ExportRequest request) {
        StringBuilder csv = new StringBuilder("id,at,actor,roles,organisation,action,referral_id,detail,seal_seq\r\n");
        int page = 0;
        int rows = 0;
        AuditEntry.Page found;
        do {
            found = audit.search(new AuditQuery(request.referralId(), null, null, null, null, page++, 1000));
            for (AuditEntry e : found.items()) {
                csv.append(e.id()).append(',').append(e.at()).append(',').append(Csv.field(e.actor())).append(',')
                        .append(Csv.field(e.roles())).append(',').append(Csv.field(e.organisation())).append(',')
                        .append(Csv.field(e.action())).append(',').append(e.referralId()).append(',')
                        .append(Csv.field(e.detail())).append(',').append(e.sealSeq() == null ? "" : e.sealSeq())
                        .append("\r\n");
                rows++;
            }
        } while (found.items().size() == 1000);
        audit.record("audit.export", request.referralId(), rows + " entries");
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"audit-" + request.referralId() + ".csv\"")
                .build();
    }

    @GET
    @Path("/chain")
    @Operation(operationId = "verifyAuditChain", summary = "Check the hash chain",
            description = "Recomputes every sealed entry's seal (HMAC-SHA256 under a key the database does not hold)"
                    + " from the oldest left: intact, or the first entry changed or removed around the append-only"
                    + " rule, or sealed again without the key.")
    @APIResponse(responseCode = "200", description = "What the check found")
    public AuditChain.Verification verify() {
        AuditChain.Verification v = chain.verify();
        audit.record("audit.chain-checked", null, v.intact() ? "intact, " + v.sealed() + " sealed"
                : "broken at entry " + v.brokenAtEntryId());
        return v;
    }

    @GET
    @Path("/chain/head")
    @Operation(operationId = "exportAuditChainHead", summary = "Export the hash chain's head",
            description = "The newest sealed entry's id, sequence and MAC, to keep outside this service (e.g. in"
                    + " information governance's own records): an entry of that sequence that later carries another"
                    + " MAC, or none, shows the trail was rewritten or cut short. The export is audited.")
    @APIResponse(responseCode = "200", description = "The head")
    @APIResponse(responseCode = "404", description = "Nothing is sealed yet")
    public AuditChain.Head head() {
        AuditChain.Head head = chain.head()
                .orElseThrow(() -> ProblemException.notFound("A sealed audit entry (nothing is sealed yet)"));
        audit.record("audit.chain-head-exported", null, "entry " + head.entryId() + ", seal " + head.sealSeq()
                + ", " + head.algorithm() + " " + head.mac());
        return head;
    }
}
