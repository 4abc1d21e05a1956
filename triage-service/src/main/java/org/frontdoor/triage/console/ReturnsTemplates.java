package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The returns pages (templates/console/returns*.html), apart from ConsoleTemplates so the page stands on its own. */
@CheckedTemplate(basePath = "console")
public class ReturnsTemplates {

    private ReturnsTemplates() {
    }

    static native TemplateInstance returns(ConsolePage page, ReturnsViews.Start start);

    static native TemplateInstance returnsProgress(ConsolePage page, int year, String period, boolean make, long seconds);

    static native TemplateInstance returnsCensus(ConsolePage page, ReturnsViews.CensusScreen census);
}
