package org.frontdoor.triage.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.directory.PartnerDirectoryCopy;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.triage.queue.HistoryEntry;
import org.frontdoor.triage.queue.QueueService;
import org.frontdoor.triage.queue.TriageItem;
import org.frontdoor.triage.staff.Actor;
import org.frontdoor.triage.staff.Actors;

/** Screening a child: the partner agencies' checks recorded on the item, each from the partner directory. */
@ApplicationScoped
public class ScreeningService {

    @Inject
    PartnerDirectoryCopy partners;

    @Inject
    QueueService queue;

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Actors actors;

    @Inject
    Clock clock;

    @Transactional
    public PartnerCheck addCheck(UUID id, CheckCommand command, Long ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        Optional<PartnerDirectoryCopy.Partner> organisation = command == null ? Optional.empty()
                : checkCommand(command, errors);
        validation.check(command, errors);
        TriageItem item = queue.find(id, true);
        IfMatch.check(ifMatch, item.version, "Triage item " + id);
        Actor actor = actors.current();
        PartnerDirectoryCopy.Partner partner = organisation.orElseThrow();
        PartnerCheck c = PartnerCheck.record(item.id, partner.id(),
                command.agency() != null ? command.agency() : partner.agencyType(), command.contactName().strip(),
                command.checkedAt(), command.findings().strip(), actor.id(), Instants.now(clock));
        c.persist();
        HistoryEntry.add(item.id, c.recordedAt, actor, "CHECK_RECORDED", c.agency + " (" + c.organisation + ")");
        audit.record("triage-item.check-recorded", item.referralId, "item " + id + ", " + c.agency);
        return c;
    }

    /** The organisation asked, when it is an active one of the directory; what is wrong added to {@code errors}. */
    private Optional<PartnerDirectoryCopy.Partner> checkCommand(CheckCommand command, List<FieldError> errors) {
        Instant now = Instants.now(clock);
        if (command.checkedAt() != null && command.checkedAt().isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            errors.add(new FieldError("checkedAt", "must not be in the future"));
        }
        if (command.organisation() != null && !command.organisation().isBlank()) {
            return partners.requireActive(command.organisation().strip(), "organisation", errors);
        }
        return Optional.empty();
    }
}
