package org.frontdoor.triage.console;

import io.quarkus.qute.TemplateExtension;
import org.frontdoor.events.codes.Priority;

/** ConsoleWords in the templates: a code the view carries as it is (e.g. a priority, RED) shown as words (Red). */
@TemplateExtension
final class ConsoleWordsExtensions {

    private ConsoleWordsExtensions() {
    }

    /** {r.priority.asWords}: "RED" as "Red", "AWAITING_APPROVAL" as "Awaiting approval". */
    static String asWords(String code) {
        return code == null ? "" : ConsoleWords.capitalised(code);
    }

    /** {p.words} for a priority: "Red". */
    static String words(Priority priority) {
        return ConsoleWords.capitalised(priority.name());
    }
}
