package org.frontdoor.triage.screening;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Screening's set-based reads: the partner agencies checked on a set of items. */
@ApplicationScoped
public class ScreeningQueries {

    public Set<String> agenciesOf(List<UUID> itemIds) {
        return PartnerCheck.<PartnerCheck>list("triageItemId in ?1", itemIds).stream()
                .map(PartnerCheck::partnerAgency).collect(Collectors.toSet());
    }
}
