package org.frontdoor.triage.statutory;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;

@Schema(name = "CharacteristicsRequest", description = "A child's characteristics as the CIN census and Ofsted's"
        + " Annex A record them, with the DfE's codes. The whole record: a field left out is cleared")
public record CharacteristicsCommand(
        @Schema(description = "M, F or U (not known; always U for an unborn child)", example = "F") CensusSex sex,
        @Schema(description = "The DfE ethnicity code; NOBT when not yet obtained, REFU when refused",
                example = "WBRI") Ethnicity ethnicity,
        @Schema(description = "NONE alone, or each disability once; empty when not yet known",
                example = "[\"NONE\"]") @Size(max = 13) List<Disability> disabilities,
        @Schema(description = "Unique pupil number: a check letter, 11 digits and a digit or letter",
                example = "A371000000017") @Size(max = 13) String upn,
        @Schema(description = "An earlier UPN") @Size(max = 13) String formerUpn,
        @Schema(description = "Why there is no UPN (UN1-UN7)", example = "UN1") UpnUnknownReason upnUnknown,
        @Schema(description = "Date of birth; empty for an unborn child", example = "2016-04-02") LocalDate birthDate,
        @Schema(description = "Expected date of birth of an unborn child; empty once born")
        LocalDate expectedBirthDate,
        @Schema(description = "Date of death, if the child died") LocalDate deathDate) {
}
