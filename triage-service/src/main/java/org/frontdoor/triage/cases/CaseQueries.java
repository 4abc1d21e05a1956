package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.screening.PartnerCheck;
import org.frontdoor.triage.screening.ScreeningQueries;
import org.frontdoor.triage.sharing.InformationRequest;

/** Cases' set-based statements: the partner agencies involved in a case; one child's decisions taken in turn. */
@ApplicationScoped
public class CaseQueries {

    @Inject
    EntityManager em;

    @Inject
    ScreeningQueries screening;

    /** Every partner organisation involved: professional referrers of the case's referrals and agencies checked. */
    public List<String> partnerAgencies(UUID caseId) {
        List<CaseChild> children = CaseChild.ofCase(caseId);
        TreeSet<String> agencies = new TreeSet<>();
        children.stream().map(ch -> ch.referralId).distinct()
                .map(r -> TriageReferral.<TriageReferral>findById(r))
                .filter(r -> r != null && r.partnerAgency() != null)
                .forEach(r -> agencies.add(r.partnerAgency()));
        List<UUID> items = children.stream().map(ch -> ch.triageItemId).filter(i -> i != null).toList();
        if (!items.isEmpty()) {
            agencies.addAll(screening.agenciesOf(items));
        }
        return List.copyOf(agencies);
    }

    /**
     * For each agency of {@code agencies}, the contact it knows of the case, so that its message quotes a reference
     * it holds: the latest contact it made, else the latest it was checked or asked about. An agency with neither is
     * left out (its message quotes the case's own contact).
     */
    public List<CaseEvent.AgencyContact> agencyContacts(UUID caseId, List<String> agencies) {
        List<CaseChild> children = CaseChild.ofCase(caseId);
        Map<UUID, TriageReferral> contacts = new HashMap<>();
        children.stream().map(ch -> ch.referralId).distinct()
                .forEach(id -> contacts.put(id, TriageReferral.findById(id)));
        Map<String, TriageReferral> made = new HashMap<>();
        Map<String, TriageReferral> asked = new HashMap<>();
        contacts.values().stream().filter(r -> r != null && r.partnerAgency() != null)
                .forEach(r -> made.merge(r.partnerAgency(), r, CaseQueries::later));
        List<UUID> items = children.stream().map(ch -> ch.triageItemId).filter(i -> i != null).toList();
        Map<UUID, UUID> contactOfItem = new HashMap<>();
        children.stream().filter(ch -> ch.triageItemId != null)
                .forEach(ch -> contactOfItem.put(ch.triageItemId, ch.referralId));
        if (!items.isEmpty()) {
            PartnerCheck.<PartnerCheck>list("triageItemId in ?1", items).stream()
                    .filter(c -> c.partnerAgency() != null)
                    .forEach(c -> askedAbout(asked, c.partnerAgency(), contacts.get(contactOfItem.get(c.triageItemId))));
            InformationRequest.<InformationRequest>list("triageItemId in ?1", items)
                    .forEach(q -> askedAbout(asked, q.organisationId, contacts.get(q.referralId)));
        }
        List<CaseEvent.AgencyContact> known = new ArrayList<>();
        for (String agency : agencies) {
            TriageReferral contact = made.containsKey(agency) ? made.get(agency) : asked.get(agency);
            if (contact != null) {
                known.add(new CaseEvent.AgencyContact(agency, contact.referralId, contact.reference));
            }
        }
        return known;
    }

    private static void askedAbout(Map<String, TriageReferral> asked, String agency, TriageReferral contact) {
        if (agency != null && contact != null) {
            asked.merge(agency, contact, CaseQueries::later);
        }
    }

    private static TriageReferral later(TriageReferral a, TriageReferral b) {
        return b.receivedAt.isAfter(a.receivedAt) ? b : a;
    }

    /** Decisions and steps about one known child are taken one at a time (until the transaction ends). */
    public void lockChild(UUID knownChildId) {
        if (knownChildId != null) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 12))) l")
                    .setParameter(1, "known-child:" + knownChildId).getSingleResult();
        }
    }
}
