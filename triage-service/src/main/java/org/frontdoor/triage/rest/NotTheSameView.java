package org.frontdoor.triage.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotTheSame", description = "Two records recorded as different children")
public record NotTheSameView(UUID childKey, UUID other,
        @Schema(description = "true when it was recorded before this request (nothing changed)")
        boolean alreadyRecorded) {
}
