package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The directories' pages (templates/console): staff, and partner organisations. */
@CheckedTemplate(basePath = "console")
public class DirectoryTemplates {

    private DirectoryTemplates() {
    }

    static native TemplateInstance staff(ConsolePage page, StaffViews.Directory directory);

    static native TemplateInstance staffNew(ConsolePage page, StaffViews.Member member);

    static native TemplateInstance staffMember(ConsolePage page, StaffViews.Member member);

    static native TemplateInstance partners(ConsolePage page, PartnerViews.Directory directory);

    static native TemplateInstance partnerNew(ConsolePage page, PartnerViews.Partner partner);

    static native TemplateInstance partner(ConsolePage page, PartnerViews.Partner partner);
}
