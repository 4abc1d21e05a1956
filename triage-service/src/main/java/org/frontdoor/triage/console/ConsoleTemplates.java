package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's pages (templates/console), each with what it shows, type-checked when the service is built. */
@CheckedTemplate(basePath = "console")
public class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    static native TemplateInstance queue(ConsolePage page, QueueViews.Queue queue);

    static native TemplateInstance item(ConsolePage page, ScreeningViews.Screening screening);

    static native TemplateInstance approvals(ConsolePage page, List<QueueViews.QueueRow> rows,
            List<CaseViews.CaseChangeRow> changes);

    static native TemplateInstance allocation(ConsolePage page, List<AllocationViews.Allocation> cases);

    static native TemplateInstance cases(ConsolePage page, List<CaseViews.CaseRow> cases);

    static native TemplateInstance careCase(ConsolePage page, CaseViews.CaseScreen screen);

    static native TemplateInstance feedback(ConsolePage page, FeedbackViews.Feedback feedback);

    static native TemplateInstance indicators(ConsolePage page, IndicatorViews.Indicators indicators);

    static native TemplateInstance child(ConsolePage page, ChildViews.ChildPage child);

    static native TemplateInstance contact(ConsolePage page, ContactViews.ContactPage contact);

    static native TemplateInstance myContacts(ConsolePage page, ContactViews.MyContacts mine);

    static native TemplateInstance problem(ConsolePage page, String heading, String message);
}
