package org.frontdoor.support.gate;

import java.util.Optional;

/**
 * Where {@link PartnerGate} asks how an organisation stands in the partner directory: the notification service
 * asks its directory (it owns it), every other service its copy ({@link CopyStandings}, the default).
 */
public interface PartnerStandings {

    /** An organisation as the gate needs it: its name (for the refusal's wording), its CIN source code, active. */
    record Standing(String id, String name, String cinSourceCode, boolean active) {
    }

    /** The organisation with this id, or empty when the directory (or this service's copy of it) has none. */
    Optional<Standing> standingOf(String organisationId);
}
