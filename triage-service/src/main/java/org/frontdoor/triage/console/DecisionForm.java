package org.frontdoor.triage.console;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.support.problem.Problem;

/**
 * The decision form of the screening page: the contact's undecided children at once, each child's fields named
 * {@code children[<item id>].level} and so on (one set per child, so no record can name them in advance), the
 * rationale written once and shared unless a child is given one of their own, the referrer's feedback shared, and
 * (while questions to partner organisations wait for their answers) why the decision cannot wait for them, shared.
 * Read from the posted form here, once.
 */
record DecisionForm(List<ChildDecision> children, String rationale, String referrerFeedback,
        String openRequestsReason, Map<String, String> values) {

    static DecisionForm read(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        List<ChildDecision> children = new ArrayList<>();
        for (String child : form.getOrDefault("child", List.of())) {
            UUID itemId = UUID.fromString(child);
            String prefix = FieldNames.prefix(FieldNames.CHILDREN, itemId);
            children.add(new ChildDecision(itemId, values.get(prefix + "version"), values.get(prefix + "level"),
                    values.get(prefix + "outcome"), values.get(prefix + "primaryNeedCode"),
                    values.get(prefix + "rationale"), values.get(prefix + "levelOverrideReason")));
        }
        return new DecisionForm(children, values.get("rationale"), values.get("referrerFeedback"),
                values.get("openRequestsReason"), values);
    }

    /**
     * What the form lacks before any rule is asked: each child's level and outcome (the child named as {@code who}
     * names them by item id), and a child to decide.
     */
    List<Problem.FieldError> missing(Map<UUID, String> who) {
        List<Problem.FieldError> errors = new ArrayList<>();
        children.forEach(c -> errors.addAll(c.missing(who.getOrDefault(c.itemId(), "the child"))));
        if (children.isEmpty()) {
            errors.add(new Problem.FieldError("children", "There is no child left to decide"));
        }
        return errors;
    }
}
