package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.events.codes.ReferralSource;
import org.frontdoor.events.payload.PartnerChanged;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.support.problem.Problem.FieldError;
import org.frontdoor.support.problem.RequestValidation;
import org.jboss.logging.Logger;

/**
 * The partner directory, kept by the front door, team managers and ops: the organisations the partnership works with, and how
 * to reach each one when it has no webhook (its contact emails). The dispatcher reads it at every attempt, so a
 * change applies to messages still waiting. Every change goes through {@link #changed}, which publishes the
 * organisation as it now stands ({@code partner.changed} on the compacted {@code partner-events} topic, through the
 * outbox in the same transaction): triage and intake keep a copy to check the ids they are given.
 */
@ApplicationScoped
public class PartnerDirectory {

    private static final Logger LOG = Logger.getLogger(PartnerDirectory.class);

    @Inject
    AuditLog audit;

    @Inject
    RequestValidation validation;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** An organisation with whether it has a webhook subscription (never the subscription's secret). */
    public record Entry(PartnerOrganisation organisation, boolean webhook) {
    }

    @Transactional
    public List<Entry> list(Boolean active, AgencyType agencyType) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (active != null) {
            params.add(active);
            query.append(" and active = ?").append(params.size());
        }
        if (agencyType != null) {
            params.add(agencyType);
            query.append(" and agencyType = ?").append(params.size());
        }
        List<PartnerOrganisation> found = PartnerOrganisation.list(query + " order by id", params.toArray());
        Set<String> subscribed = new HashSet<>(found.isEmpty() ? List.of() : Subscription.<Subscription>list(
                "organisationId in ?1", found.stream().map(p -> p.id).toList()).stream()
                .map(s -> s.organisationId).toList());
        audit.record("partner.list", null, found.size() + " organisation(s)");
        return found.stream().map(p -> new Entry(p, subscribed.contains(p.id))).toList();
    }

    @Transactional
    public Entry get(String id) {
        PartnerOrganisation p = find(id, false);
        audit.record("partner.read", null, "organisation " + id);
        return entry(p);
    }

    /** The organisation, for delivery; not audited (no person reads it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PartnerOrganisation> lookup(String id) {
        return id == null ? Optional.empty() : PartnerOrganisation.findByIdOptional(id);
    }

    @Transactional
    public Entry create(PartnerCommand command, String actor) {
        if (command != null && command.id() != null && PartnerOrganisation.findById(command.id()) != null) {
            audit.recordRefused("partner.create.refused", null, "organisation " + command.id() + " exists");
            throw new OrganisationIdTaken(command.id());
        }
        List<FieldError> errors = new ArrayList<>();
        check(command, errors);
        validation.check(command, errors);
        Instant now = Instants.now(clock);
        PartnerOrganisation p = new PartnerOrganisation();
        p.id = command.id();
        p.createdAt = now;
        p.createdBy = actor;
        apply(p, command, now, actor);
        p.active = command.active() == null || command.active();
        p.persist();
        changed(p, "partner.created");
        return entry(p);
    }

    /** Replaces an organisation's record; its id stays. {@code ifMatch}: the version the caller saw, or null. */
    @Transactional
    public Entry update(String id, PartnerCommand command, Long ifMatch, String actor) {
        PartnerOrganisation p = find(id, true);
        List<FieldError> errors = new ArrayList<>();
        if (command != null && command.id() != null && !command.id().equals(id)) {
            errors.add(new FieldError("id", "cannot change: it is " + id));
        }
        check(command, errors);
        // the id in the path is the record's: a body without one is fine
        validation.check(command == null || command.id() != null ? command : withId(command, id), errors);
        IfMatch.check(ifMatch, p.version, "Partner organisation " + id);
        apply(p, command, Instants.now(clock), actor);
        if (command.active() != null) {
            p.active = command.active();
        }
        changed(p, "partner.updated");
        return entry(p);
    }

    /** Nothing more is sent to it: messages still due become could-not-inform tasks (INACTIVE_RECIPIENT). */
    @Transactional
    public Entry deactivate(String id, Long ifMatch, String actor) {
        PartnerOrganisation p = find(id, true);
        IfMatch.check(ifMatch, p.version, "Partner organisation " + id);
        if (p.active) {
            p.active = false;
            p.updatedAt = Instants.now(clock);
            p.updatedBy = actor;
            changed(p, "partner.deactivated");
        }
        return entry(p);
    }

    /** Organisations written by a seed (the demo directory) rather than the API: published like any change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seeded(List<String> ids) {
        for (String id : ids) {
            changed(find(id, false), "partner.seeded");
        }
    }

    /** Flushes (so the answer and the event carry the new version), publishes, audits and logs (ids only). */
    private void changed(PartnerOrganisation p, String action) {
        PartnerOrganisation.flush();
        outbox.append(EventEnvelope.about(EventType.PARTNER_CHANGED, new PartnerChanged(p.id, p.name, p.agencyType,
                p.cinSourceCode, p.active, p.version)), p.id);
        audit.record(action, null, "organisation " + p.id + ", " + p.agencyType + ", " + p.cinSourceCode
                + (p.active ? "" : ", inactive") + ", version " + p.version);
        LOG.infof("Partner directory: %s %s (version %d)", action, p.id, p.version);
    }

    private static void check(PartnerCommand command, List<FieldError> errors) {
        if (command == null) {
            return;
        }
        String code = command.cinSourceCode() == null ? null : command.cinSourceCode().strip().toUpperCase(Locale.ROOT);
        if (code != null && !code.isEmpty()
                && ReferralSource.fromCode(code).filter(ReferralSource::isProfessional).isEmpty()) {
            errors.add(new FieldError("cinSourceCode", "must be a professional referral source of the CIN census: "
                    + String.join(", ", professionalCodes())));
        }
        List<String> emails = command.contactEmails() == null ? List.of() : command.contactEmails();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < emails.size(); i++) {
            String e = emails.get(i);
            if (e != null && !e.isBlank() && !seen.add(e.strip().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("contactEmails[" + i + "]", "is given twice"));
            }
        }
    }

    static List<String> professionalCodes() {
        return java.util.Arrays.stream(ReferralSource.values()).filter(ReferralSource::isProfessional)
                .map(ReferralSource::code).toList();
    }

    private static PartnerCommand withId(PartnerCommand c, String id) {
        return new PartnerCommand(id, c.name(), c.agencyType(), c.cinSourceCode(), c.contactEmails(), c.active());
    }

    private static void apply(PartnerOrganisation p, PartnerCommand command, Instant now, String actor) {
        p.name = command.name().strip();
        p.agencyType = command.agencyType();
        p.cinSourceCode = command.cinSourceCode().strip().toUpperCase(Locale.ROOT);
        p.contactEmails = new ArrayList<>(command.contactEmails() == null ? List.of()
                : command.contactEmails().stream().map(String::strip).toList());
        p.updatedAt = now;
        p.updatedBy = actor;
    }

    private static Entry entry(PartnerOrganisation p) {
        return new Entry(p, Subscription.findById(p.id) != null);
    }

    private static PartnerOrganisation find(String id, boolean forUpdate) {
        PartnerOrganisation p = forUpdate ? PartnerOrganisation.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : PartnerOrganisation.findById(id);
        if (p == null) {
            throw DomainException.notFound("Partner organisation " + id);
        }
        return p;
    }

}
