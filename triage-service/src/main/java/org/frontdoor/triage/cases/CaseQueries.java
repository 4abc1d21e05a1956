package org.frontdoor.triage.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.frontdoor.triage.queue.TriageReferral;
import org.frontdoor.triage.screening.ScreeningQueries;

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

    /** Decisions and steps about one known child are taken one at a time (until the transaction ends). */
    public void lockChild(UUID knownChildId) {
        if (knownChildId != null) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 12))) l")
                    .setParameter(1, "known-child:" + knownChildId).getSingleResult();
        }
    }
}
