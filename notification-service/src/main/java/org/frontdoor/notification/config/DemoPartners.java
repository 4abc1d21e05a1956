package org.frontdoor.notification.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.frontdoor.notification.domain.PartnerDirectory;
import org.jboss.logging.Logger;

/**
 * Loads the demo partner organisations ({@code demo/partners.sql}) at start-up where there is no real directory:
 * the local run, dev mode and the tests set {@code frontdoor.notification.demo-partners=true}. Production
 * migrations hold no organisations; there the front door adds them through the API. Only missing rows are
 * inserted, so a restart keeps what was changed through the API.
 */
@ApplicationScoped
public class DemoPartners {

    private static final Logger LOG = Logger.getLogger(DemoPartners.class);

    @Inject
    NotificationConfig config;

    @Inject
    EntityManager em;

    @Inject
    PartnerDirectory directory;

    @Transactional
    void load(@Observes StartupEvent start) {
        if (!config.demoPartners()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> inserted = em.createNativeQuery(statement()).getResultList();
        directory.seeded(inserted);
        LOG.infof("Demo partner directory loaded: %d new organisation(s)", inserted.size());
    }

    private static String statement() {
        try (InputStream in = DemoPartners.class.getResourceAsStream("/demo/partners.sql")) {
            // one statement; the comment lines are dropped so that it runs as a single native query
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n")).strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
