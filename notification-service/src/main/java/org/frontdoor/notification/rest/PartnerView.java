package org.frontdoor.notification.rest;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.notification.domain.PartnerCommand;
import org.frontdoor.notification.domain.PartnerDirectory;
import org.frontdoor.notification.domain.PartnerOrganisation;
import org.frontdoor.support.paging.Paging;

@Schema(name = "Partner", description = "An organisation of the partner directory")
public record PartnerView(
        @Schema(description = "The organisation's id: an API partner's token org claim", example = "hillside-primary", maxLength = 100,
                pattern = "^" + PartnerCommand.ID_PATTERN + "$")
        String id,
        @Schema(example = "Hillside Primary School", maxLength = 200) String name,
        AgencyType agencyType,
        @Schema(description = "CIN census referral source code", example = "2A", maxLength = 2) String cinSourceCode,
        @Schema(description = "The census code in words", example = "Schools", maxLength = 200) String cinSource,
        @Schema(description = "Addresses for secure email; each message that goes by email goes to all of them",
                example = "[\"safeguarding@hillside-primary.example\"]", maxItems = 10) List<@Size(max = 320) String> contactEmails,
        @Schema(description = "True when the organisation has set a webhook (PUT /api/v1/subscriptions): messages go"
                + " there first. Its secret is never shown") boolean webhook,
        @Schema(description = "False: nothing is sent to it; its messages become could-not-inform tasks")
        boolean active,
        @Schema(description = "The record's version, also its ETag, for If-Match", example = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        @Schema(example = "dev-front-door", maxLength = 200) String createdBy,
        Instant updatedAt,
        @Schema(example = "dev-front-door", maxLength = 200) String updatedBy) {

    @Schema(name = "PartnerPage", description = "A page of the partner directory, by id; total counts them all")
    public record Page(@Schema(minimum = "0", maximum = Paging.MAX_PAGE_TEXT) int page,
            @Schema(minimum = "1", maximum = Paging.MAX_SIZE_TEXT) int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total,
            @Schema(maxItems = Paging.MAX_SIZE) List<PartnerView> items) {
    }

    static PartnerView of(PartnerDirectory.Entry entry) {
        PartnerOrganisation p = entry.organisation();
        return new PartnerView(p.id, p.name, p.agencyType, p.cinSourceCode,
                ReferralSource.fromCode(p.cinSourceCode).map(ReferralSource::description).orElse(null), p.emails(),
                entry.webhook(), p.active, p.version, p.createdAt, p.createdBy, p.updatedAt, p.updatedBy);
    }
}
