package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.frontdoor.triage.queue.TriageItem;

/** The possible earlier records of a contact's child: searched by phonetic keys, scored and explained. */
@ApplicationScoped
public class PossibleMatches {

    /** The item's child's possible earlier records, best first, without those rejected as not the same child. */
    public List<PossibleMatch> of(TriageItem item) {
        throw new UnsupportedOperationException("issue 26: candidate search (matching helper)");
    }
}
