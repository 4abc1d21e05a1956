package org.frontdoor.triage.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.paging.Paging;

/** A child's chronology: everything the front door did about the child, oldest first, across merged records. */
@ApplicationScoped
public class Chronology {

    /** One page of a chronology, with how many entries there are in all. */
    public record Page(UUID childKey, List<UUID> mergedRecords, List<ChronologyEntry> entries, long total) {
    }

    @Inject
    ChildMergeQueries merges;

    @Inject
    ChronologyQueries queries;

    @Inject
    AuditLog audit;

    /** The chronology of {@code childKey} (any of its records: the root's is returned), audited as a read. */
    @Transactional
    public Page of(UUID childKey, int page, int size) {
        if (page < 0 || page > Paging.MAX_PAGE) {
            throw DomainException.invalid("page", "from 0 to " + Paging.MAX_PAGE);
        }
        if (size < 1 || size > Paging.MAX_SIZE) {
            throw DomainException.invalid("size", "from 1 to " + Paging.MAX_SIZE);
        }
        if (!merges.exists(childKey)) {
            throw DomainException.notFound("Record " + childKey);
        }
        UUID root = merges.rootOf(childKey);
        List<UUID> tree = merges.treeOf(root);
        List<ChronologyEntry> entries = queries.page(root, tree, page, size).stream()
                .map(r -> new ChronologyEntry(r.at(), r.type(), ChronologyWords.summary(r), r.referralId(),
                        r.triageItemId(), r.caseId(), r.childKey()))
                .toList();
        long total = queries.count(root, tree);
        audit.record("child.chronology-read", null, "record " + root + (root.equals(childKey) ? ""
                : " (asked for as record " + childKey + ")") + ", page " + page + ", " + entries.size() + " entries");
        return new Page(root, tree.subList(1, tree.size()), entries, total);
    }
}
