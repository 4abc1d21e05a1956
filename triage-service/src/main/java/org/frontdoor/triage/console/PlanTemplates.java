package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The plan pages (templates/console), kept apart from ConsoleTemplates, which every page shares. */
@CheckedTemplate(basePath = "console")
public class PlanTemplates {

    private PlanTemplates() {
    }

    static native TemplateInstance casePlans(ConsolePage page, PlanViews.CasePlans plans);

    static native TemplateInstance cinPlans(ConsolePage page, PlanViews.CinPlans plans);

    static native TemplateInstance protectionPlan(ConsolePage page, PlanViews.Protection plan);
}
