package org.frontdoor.triage.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.triage.config.TriageConfig;

/**
 * The referral service's API, called for the console with the front door officer's own access token (through
 * {@link ServiceApi}): a contact they log is submitted as any front door submission is (that service checks it,
 * records who keyed it in, audits it and publishes it to the queue), and they list their own.
 */
@ApplicationScoped
public class ReferralServiceClient {

    @Inject
    TriageConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private ServiceApi api;

    @PostConstruct
    void init() {
        api = new ServiceApi("referral service", config.console().referralServiceUrl(),
                config.console().referralServiceTimeout(), identity, json);
    }

    /**
     * {@code POST /api/v1/referrals} with the form's Idempotency-Key, so a second press of the button (or a retry
     * after a timeout) makes no second contact. Its 422 comes back as a {@link ProblemException} naming the
     * request's fields ({@code children[1].dateOfBirth}).
     */
    public JsonNode submit(JsonNode referral, String idempotencyKey) {
        return api.send(api.withJson(api.request("/api/v1/referrals").header("Idempotency-Key", idempotencyKey),
                "POST", referral));
    }

    /** {@code GET /api/v1/referrals/mine}: a page of the contacts the signed-in officer keyed in, newest first. */
    public JsonNode mine(int page, int size) {
        return api.get("/api/v1/referrals/mine?page=" + page + "&size=" + size);
    }
}
