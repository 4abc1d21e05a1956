package org.frontdoor.triage.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontdoor.events.codes.CensusSex;
import org.frontdoor.events.codes.Disability;
import org.frontdoor.events.codes.Ethnicity;
import org.frontdoor.events.codes.UpnUnknownReason;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.triage.statutory.ChildCharacteristics;

@Schema(name = "Characteristics", description = "A child's characteristics as the CIN census and Annex A record them")
public record CharacteristicsView(UUID childKey,
        @Schema(description = "The census LAchildID", example = "FD0000000042", maxLength = 20) String laChildId,
        CensusSex sex, Ethnicity ethnicity, @Schema(maxItems = 13) List<Disability> disabilities,
        @Schema(maxLength = 13) String upn, @Schema(maxLength = 13) String formerUpn,
        UpnUnknownReason upnUnknown, LocalDate birthDate, LocalDate expectedBirthDate, LocalDate deathDate,
        Instant updatedAt, @Schema(description = "Staff id", maxLength = 100) String updatedBy,
        @Schema(minimum = "0", maximum = Bounds.LONG_MAX) long version) {

    public static CharacteristicsView of(ChildCharacteristics c) {
        return new CharacteristicsView(c.childKey, c.laChildId, code(CensusSex.fromCode(c.sex)),
                code(Ethnicity.fromCode(c.ethnicity)),
                c.disabilities.stream().map(Disability::fromCode).flatMap(Optional::stream).toList(), c.upn,
                c.formerUpn, code(UpnUnknownReason.fromCode(c.upnUnknown)), c.birthDate, c.expectedBirthDate,
                c.deathDate, c.updatedAt, c.updatedBy, c.version);
    }

    private static <T> T code(Optional<T> value) {
        return value.orElse(null);
    }
}
