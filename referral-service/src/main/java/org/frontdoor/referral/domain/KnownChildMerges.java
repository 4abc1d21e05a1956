package org.frontdoor.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.payload.ChildMerge;
import org.jboss.logging.Logger;

/**
 * The referral service's copy of the MASH's merges of records (triage's {@code child.merged} and
 * {@code child.unmerged}): a record merged into another counts under the top of its tree, its root, so that a later
 * contact about any record of the child reads the prior involvement and the open case of every record of the tree
 * ({@link ChildMatcher}). Each record keeps its own contacts and keys: an unmerge separates exactly what the merge
 * joined. Applying an event again (a redelivery, or a copy under another event id) changes nothing: the merge's id
 * stays on the record.
 */
@ApplicationScoped
public class KnownChildMerges {

    private static final Logger LOG = Logger.getLogger(KnownChildMerges.class);

    @Inject
    KnownChildQueries queries;

    /** The duplicate record and every record merged into it now count under the survivor's root. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(EventEnvelope event, ChildMerge merge) {
        Instant at = merge.occurredAt() != null ? merge.occurredAt() : event.occurredAt();
        if (queries.merge(merge.childKey(), merge.duplicate(), merge.mergeId(), at)) {
            queries.reroot(merge.duplicate());
            LOG.infof("Known child %s merged into %s (merge %s)", merge.duplicate(), merge.childKey(),
                    merge.mergeId());
        } else {
            // a repeat, a record merged already, or one no contact here named: nothing of this service's to join
            LOG.debugf("Merge %s changes nothing here", merge.mergeId());
        }
    }

    /** The duplicate record, with the records merged into it, is its own tree again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unmerged(EventEnvelope event, ChildMerge merge) {
        if (queries.unmerge(merge.childKey(), merge.duplicate(), merge.mergeId())) {
            queries.reroot(merge.duplicate());
            LOG.infof("Known child %s separated from %s (merge %s undone)", merge.duplicate(), merge.childKey(),
                    merge.mergeId());
        } else {
            LOG.debugf("Unmerge of %s changes nothing here", merge.mergeId());
        }
    }
}
