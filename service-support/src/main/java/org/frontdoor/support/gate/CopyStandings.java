package org.frontdoor.support.gate;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.frontdoor.support.directory.PartnerDirectoryCopy;

/**
 * The standing of an organisation in this service's copy of the partner directory (fed by {@code partner.changed}).
 * An organisation the copy does not hold yet (a copy still being filled after a start on an empty database, or an
 * organisation added a moment ago whose event has not arrived) is unknown, and so refused: the safe answer.
 */
@DefaultBean
@ApplicationScoped
public class CopyStandings implements PartnerStandings {

    @Inject
    PartnerDirectoryCopy copy;

    @Override
    public Optional<Standing> standingOf(String organisationId) {
        return copy.find(organisationId).map(p -> new Standing(p.id(), p.name(), p.cinSourceCode(), p.active()));
    }
}
