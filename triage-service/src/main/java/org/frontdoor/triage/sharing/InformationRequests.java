package org.frontdoor.triage.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Asking partner organisations about a contact's children, and what they answered. */
@ApplicationScoped
public class InformationRequests {

    /** Asks {@code command.organisation()} about the children of item {@code itemId}, as the signed-in worker. */
    public InformationRequest ask(UUID itemId, InformationRequestCommand command) {
        throw new UnsupportedOperationException("issue 27: information requests (requests helper)");
    }

    /** The requests made from an item, oldest first. */
    public List<InformationRequest> ofItem(UUID itemId) {
        throw new UnsupportedOperationException("issue 27: information requests (requests helper)");
    }
}
