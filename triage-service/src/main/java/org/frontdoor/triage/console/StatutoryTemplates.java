package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The statutory work pages and the worker's own timescales and alerts (templates/console), type-checked. */
@CheckedTemplate(basePath = "console")
public class StatutoryTemplates {

    private StatutoryTemplates() {
    }

    static native TemplateInstance assessment(ConsolePage page, StatutoryViews.AssessmentScreen screen);

    static native TemplateInstance section47(ConsolePage page, StatutoryViews.EnquiryScreen screen);

    static native TemplateInstance characteristics(ConsolePage page, StatutoryViews.CharacteristicsScreen screen);

    static native TemplateInstance timescales(ConsolePage page, MyWorkViews.Timescales timescales);

    static native TemplateInstance alerts(ConsolePage page, List<MyWorkViews.AlertRow> alerts);
}
