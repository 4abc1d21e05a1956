package org.frontdoor.triage.strategy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;
import org.frontdoor.triage.staff.StaffMember;
import org.frontdoor.triage.statutory.AssessmentService;

/**
 * Strategy discussions about a contact's child: recorded as held, the attending agencies told the outcome
 * ({@code strategy-discussion.held}, through the outbox in the same transaction), and a discussion that decides on
 * an s47 enquiry dating the item's enquiry.
 */
@ApplicationScoped
public class StrategyDiscussions {

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    AssessmentService statutoryWork;

    @Inject
    Outbox outbox;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Records the discussion {@code command} gives about item {@code itemId}, as the signed-in member of staff. */
    @Transactional
    public StrategyDiscussion hold(UUID itemId, StrategyDiscussionCommand command) {
        TriageItem item = item(itemId);
        Actor actor = actors.staff();
        Instant now = Instants.now(clock);
        StrategyDiscussion d = StrategyDiscussion.hold(
                new StrategyDiscussion.About(item.id, item.referralId, item.receivedAt), command, directories(),
                actor.id(), now);
        d.persist();
        HistoryEntry.add(item.id, now, actor, "STRATEGY_DISCUSSION_HELD", d.note());
        if (d.section47Enquiry) {
            statutoryWork.strategyDiscussionHeld(item, d.heldOn(), actor, now);
        }
        outbox.append(EventEnvelope.of(EventType.STRATEGY_DISCUSSION_HELD, item.referralId, d.held(now)));
        audit.record("strategy-discussion.held", item.referralId, "item " + item.id + ", discussion " + d.id + ", "
                + d.note());
        return d;
    }

    /** The item's discussions, the latest first. */
    @Transactional
    public List<StrategyDiscussion> ofItem(UUID itemId) {
        TriageItem item = item(itemId);
        List<StrategyDiscussion> found = StrategyDiscussion.ofItem(item.id);
        audit.record("strategy-discussion.list", item.referralId, "item " + item.id + ": " + found.size()
                + " discussion(s)");
        return found;
    }

    /** One discussion of the item. */
    @Transactional
    public StrategyDiscussion find(UUID itemId, UUID discussionId) {
        TriageItem item = item(itemId);
        StrategyDiscussion d = StrategyDiscussion.findById(discussionId);
        if (d == null || !d.triageItemId.equals(item.id)) {
            throw DomainException.notFound("Strategy discussion " + discussionId + " of triage item " + itemId);
        }
        audit.record("strategy-discussion.read", item.referralId, "item " + item.id + ", discussion " + d.id);
        return d;
    }

    private static TriageItem item(UUID itemId) {
        TriageItem item = TriageItem.findById(itemId);
        if (item == null) {
            throw DomainException.notFound("Triage item " + itemId);
        }
        return item;
    }

    private StrategyDiscussion.Directories directories() {
        return new StrategyDiscussion.Directories() {
            @Override
            public Optional<PartnerDirectoryCopy.Partner> organisation(String id) {
                return partners.find(id);
            }

            @Override
            public boolean staffMember(String id) {
                return StaffMember.findByIdOptional(id).isPresent();
            }
        };
    }
}
