package org.frontdoor.triage.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.triage.screening.ThresholdRules;
import org.jboss.logging.Logger;

/** The threshold rules in force: the partnership's file when configured, else the built-in one. */
@ApplicationScoped
public class ThresholdRulesProducer {

    private static final Logger LOG = Logger.getLogger(ThresholdRulesProducer.class);

    @Produces
    @ApplicationScoped
    ThresholdRules thresholdRules(TriageConfig config) {
        if (config.rulesLocation().isEmpty() || config.rulesLocation().get().isBlank()) {
            return ThresholdRules.standard();
        }
        Path file = Path.of(config.rulesLocation().get());
        try (InputStream in = Files.newInputStream(file)) {
            LOG.infof("Threshold rules from %s", file);
            return ThresholdRules.read(in, IndicatorCatalogue.standard());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threshold rules " + file, e);
        }
    }
}
