package org.frontdoor.returns;

import java.time.LocalDate;

/**
 * An s47 enquiry: a {@code Section47} element.
 *
 * @param start the date of the strategy discussion that started the enquiry ({@code S47ActualStartDate})
 * @param initialCpcTarget the date the initial child protection conference is due: 15 working days after
 *        the strategy discussion
 * @param dateOfInitialCpc the date the conference was held, if it was
 * @param icpcNotRequired the enquiry ended without needing a conference
 */
public record Section47(LocalDate start, LocalDate initialCpcTarget, LocalDate dateOfInitialCpc,
        boolean icpcNotRequired) {

    /** Neither a conference date nor "not required": the enquiry is still going on. */
    public boolean open() {
        return dateOfInitialCpc == null && !icpcNotRequired;
    }
}
