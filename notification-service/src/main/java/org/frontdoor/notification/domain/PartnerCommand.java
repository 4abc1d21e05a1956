package org.frontdoor.notification.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.support.validation.PlainText;

@Schema(name = "PartnerRequest", description = "A partner organisation as the front door, a team manager or ops record it")
public record PartnerCommand(
        @Schema(description = "The organisation's id: for an API partner its token's org claim. Lower-case letters,"
                + " digits and hyphens; fixed once created", example = "hillside-primary")
        @NotBlank @Size(max = 100) @Pattern(regexp = PartnerCommand.ID_PATTERN,
                message = "must be lower-case letters, digits and hyphens, starting and ending with a letter or"
                        + " digit") String id,
        @Schema(example = "Hillside Primary School") @NotBlank @Size(max = 200) @PlainText String name,
        @Schema(example = "SCHOOL") @NotNull AgencyType agencyType,
        @Schema(description = "CIN census referral source code, professional kinds only: 2A, 2B, 3A-3F, 4, 5A-5D,"
                + " 6, 7 or 8", example = "2A", pattern = "^(2[AB]|3[A-F]|4|5[A-D]|6|7|8)$") @NotBlank @Size(max = 2) String cinSourceCode,
        @Schema(description = "Addresses for secure email, first the one to use; all get each message that goes by"
                + " email. Empty: no email (messages go by webhook, else become could-not-inform tasks)",
                example = "[\"safeguarding@hillside-primary.example\"]")
        @Size(max = 10) List<@NotBlank @Email @Size(max = 320) String> contactEmails,
        @Schema(description = "Whether the partnership works with it now; default true. Nothing is sent to an"
                + " inactive organisation") Boolean active) {

    public static final String ID_PATTERN = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
}
