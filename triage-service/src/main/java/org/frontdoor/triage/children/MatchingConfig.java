package org.frontdoor.triage.children;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sure a possible match must be to be offered, and how many are offered (docs/domain.md, "Possible matches"). */
@ConfigMapping(prefix = "frontdoor.matching")
public interface MatchingConfig {

    /** A triage item's possible matches score at least this (0-100); children who may be twins are always offered. */
    @WithDefault("55")
    int minScore();

    /** At most this many possible matches a triage item, the best first. */
    @WithDefault("5")
    int maxMatches();

    /** At most this many earlier contacts shown with each possible match, the newest first. */
    @WithDefault("20")
    int maxEarlierContacts();

    /** A search's results score at least this: a search names fewer details than a contact. */
    @WithDefault("20")
    int searchMinScore();

    /** At most this many records each way of looking a child up reads (the search is bounded, never a scan). */
    @WithDefault("200")
    int lookupLimit();
}
