package org.frontdoor.notification.domain;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A child as a message names them: by position on their contact, initials and month and year of birth
 * ("child 2 (A.S., born March 2016)"), never by name or id. All this service keeps of a child to tell them apart.
 *
 * @param childId the referral service's id of the child on that contact (never shown in a text)
 * @param referralId the contact the child was named on
 * @param position from 0, as on the contact
 * @param initials "A.S.", or null (a contact logged before initials)
 * @param bornIn month and year of birth, or null
 * @param dueIn an unborn child's month and year due, or null
 */
public record NamedChild(UUID childId, UUID referralId, int position, String initials, YearMonth bornIn, YearMonth dueIn) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** Position as people count: child 1, child 2. */
    public int number() {
        return position + 1;
    }

    /** "child 2 (A.S., born March 2016)"; "child 1 (unborn, due April 2027)"; "child 1" when nothing else is known. */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (initials != null) {
            parts.add(initials);
        }
        if (bornIn != null) {
            parts.add("born " + MONTH.format(bornIn));
        } else if (dueIn != null) {
            parts.add("unborn, due " + MONTH.format(dueIn));
        }
        return "child " + number() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /** What a partner's system reads of the child in a webhook's data: no name, no day of birth. */
    public java.util.Map<String, Object> data() {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("childId", childId.toString());
        data.put("childNumber", number());
        if (initials != null) {
            data.put("initials", initials);
        }
        if (bornIn != null) {
            data.put("bornIn", bornIn.toString());
        }
        if (dueIn != null) {
            data.put("dueIn", dueIn.toString());
        }
        data.put("label", label());
        return data;
    }

    static YearMonth month(String yyyyMm) {
        return yyyyMm == null ? null : YearMonth.parse(yyyyMm);
    }
}
