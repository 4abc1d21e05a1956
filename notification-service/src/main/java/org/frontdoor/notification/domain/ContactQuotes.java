package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.notification.domain.PlannedMessage.Recipient;

/**
 * Which contact a message quotes, so that every recipient reads a reference it holds: a referrer its own contact
 * (with its own reference); a partner agency told of a case the contact it made, else the one it was checked or asked
 * about (triage names it in the case event), never merely the case's first contact.
 */
@ApplicationScoped
public class ContactQuotes {

    /** Our reference of a contact: its human reference, else (a contact not logged here, or older) its id's short form. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String of(UUID referralId) {
        ReferralRecord record = ReferralRecord.findById(referralId);
        return record != null ? record.quotedReference() : MessageComposer.shortReference(referralId);
    }

    /**
     * The contact {@code to} knows of the case: the one the event names for its organisation, else the case's own
     * referral (with the referrer's reference only when {@code to} is that referrer).
     *
     * @param caseReferral the case's referral as logged here, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MessageComposer.Quote forCase(Recipient to, UUID referralId, ReferralRecord caseReferral, CaseEvent change) {
        CaseEvent.AgencyContact known = knownBy(to, change.agencyContacts());
        if (known != null) {
            ReferralRecord made = ReferralRecord.findById(known.referralId());
            String reference = made != null ? made.quotedReference()
                    : known.reference() != null ? known.reference()
                            : MessageComposer.shortReference(known.referralId());
            boolean theirs = made != null && made.isProfessional() && to.org().equals(made.organisationId);
            return new MessageComposer.Quote(known.referralId(), reference, theirs ? made.externalReference : null);
        }
        if (caseReferral == null) {
            return new MessageComposer.Quote(referralId, MessageComposer.shortReference(referralId), null);
        }
        boolean referrer = caseReferral.isProfessional()
                && Recipient.referrer(caseReferral).key().equals(to.key());
        return new MessageComposer.Quote(referralId, caseReferral.quotedReference(),
                referrer ? caseReferral.externalReference : null);
    }

    /** The child's own contact's reference, when the message quotes another contact; null otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String childReference(NamedChild child, MessageComposer.Quote quote) {
        return child == null || child.referralId().equals(quote.referralId()) ? null : of(child.referralId());
    }

    private static CaseEvent.AgencyContact knownBy(Recipient to, List<CaseEvent.AgencyContact> contacts) {
        if (to.org() == null || contacts == null) {
            return null;
        }
        return contacts.stream()
                .filter(a -> a != null && to.org().equals(a.organisationId()) && a.referralId() != null)
                .findFirst().orElse(null);
    }
}
