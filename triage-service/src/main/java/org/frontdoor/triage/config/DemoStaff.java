package org.frontdoor.triage.config;

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
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads the demo staff ({@code demo/staff.sql}) at start-up where someone signs in as them: the local
 * run, the tests and dev mode set {@code frontdoor.triage.demo-staff=true}. Production migrations hold
 * no people; there team managers add staff through the API. Upserts, so a restart changes nothing.
 */
@ApplicationScoped
public class DemoStaff {

    private static final Logger LOG = Logger.getLogger(DemoStaff.class);

    @Inject
    TriageConfig config;

    @Inject
    EntityManager em;

    @Transactional
    void load(@Observes StartupEvent start) {
        if (!config.demoStaff()) {
            return;
        }
        int rows = em.createNativeQuery(statement()).executeUpdate();
        LOG.infof("Demo staff loaded: %d member(s) of staff", rows);
    }

    private static String statement() {
        try (InputStream in = DemoStaff.class.getResourceAsStream("/demo/staff.sql")) {
            // one statement; the comment lines are dropped so that it runs as a single native query
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n")).strip().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
