package org.frontdoor.triage.sharing;

import org.frontdoor.events.codes.Priority;

/**
 * A question to one partner organisation about a contact's children.
 *
 * @param organisation the organisation's id in the partner directory
 * @param urgency RED, AMBER or GREEN; absent: the contact's own priority
 */
public record InformationRequestCommand(String organisation, String question, Priority urgency) {
}
