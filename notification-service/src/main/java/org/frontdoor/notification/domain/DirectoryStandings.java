package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.frontdoor.support.gate.PartnerStandings;

/**
 * The partner gate (service-support PartnerGate) in the service that owns the directory: it asks the directory
 * itself, never a copy, so a deactivation shuts the organisation out of its subscriptions at once.
 */
@ApplicationScoped
public class DirectoryStandings implements PartnerStandings {

    @Inject
    PartnerDirectory directory;

    @Override
    public Optional<Standing> standingOf(String organisationId) {
        return directory.lookup(organisationId)
                .map(p -> new Standing(p.id, p.name, p.cinSourceCode, p.active));
    }
}
