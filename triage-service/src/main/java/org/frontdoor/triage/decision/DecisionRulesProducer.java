package org.frontdoor.triage.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.screening.ThresholdRules;

/** The decision rules in force: the threshold rules and the configured approval triggers. */
@ApplicationScoped
public class DecisionRulesProducer {

    @Produces
    @Singleton
    DecisionRules decisionRules(ThresholdRules thresholds, TriageConfig config) {
        return new DecisionRules(thresholds, config.approval().onImmediateRisk(),
                config.approval().fromSuggestedLevel());
    }
}
