package org.frontdoor.triage.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.Pathway;
import org.frontdoor.support.validation.PlainText;
import org.frontdoor.triage.statutory.Assessment;

@Schema(name = "StaffRequest", description = "A member of staff as a team manager records them")
public record StaffCommand(
        @Schema(description = "Staff id: lower-case letters, digits and hyphens; fixed once created",
                example = "sw-gita-rao") @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                        message = "must be lower-case letters, digits and hyphens") String id,
        @Schema(description = "The identity provider's subject (the sub claim) of their sign-in; unique",
                example = "8f14e45f-ceea-467f-a0e6-2f1e9d1c6a01") @Size(max = 200) @PlainText String subject,
        @Schema(example = "Gita Rao") @NotBlank @Size(max = 200) @PlainText String name,
        @Schema(example = "gita.rao@council.example") @Size(max = 320) @Email String email,
        @Schema(example = "Assessment team 2") @NotBlank @Size(max = 200) @PlainText String team,
        @Schema(description = "The pathway whose cases they lead (EARLY_HELP or SOCIAL_CARE); empty for staff who"
                + " hold no cases", example = "SOCIAL_CARE") Pathway pathway,
        @Schema(example = "SOCIAL_WORKER") @NotNull StaffRole role,
        @Schema(description = "Their own caseload limit; empty: the configured maximum (16)", example = "14")
        @Min(1) @Max(100) Integer caseloadLimit,
        @Schema(description = "Whether they work now; default true") Boolean active) {
}
