package org.frontdoor.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.frontdoor.e2e.Actors.Partner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referrals flow at a steady rate while each service in turn is killed with SIGKILL and started again. A
 * partner system retries a failed submission with the same Idempotency-Key, as the API asks. At the end:
 * every accepted referral is stored once, every child has exactly one triage item, and every message due
 * to the partner arrived, once per webhook-id (at least once on the wire; the webhook-id makes it once).
 * {@link KillNineReplicasIT} does the same with two instances of each service.
 */
class KillNineIT {

    private static final int REFERRALS = Integer.getInteger("e2e.kill.referrals", 500);
    private static final int PER_SECOND = Integer.getInteger("e2e.kill.rate", 10);
    private static final String ORG = "kill-run-academy";

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void killingEachServiceInTurnLosesNothingAndSendsNothingTwice() throws Exception {
        try (Partner academy = Partner.subscribed(pipeline, ORG, "2A")) {
            academy.receiver().answerNext(500, 503, 500); // and the partner's own endpoint has a bad moment
            KillRun run = new KillRun(pipeline, ORG, "KILL-", List.of(pipeline.referral()), List.of(pipeline.triage()));
            long started = run.start(REFERRALS, PER_SECOND);

            // kill -9 each service in turn while the referrals flow, and start it again
            Map<String, Long> downMillis = new HashMap<>();
            long runSeconds = REFERRALS / PER_SECOND;
            String[] victims = { "referral-service", "triage-service", "notification-service" };
            for (int v = 0; v < victims.length; v++) {
                long at = started + TimeUnit.SECONDS.toNanos(runSeconds * (v + 1) / 5);
                ServiceProcess.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
                ServiceProcess service = pipeline.service(victims[v]);
                long down = System.nanoTime();
                service.kill();
                service.start();
                downMillis.put(victims[v], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
            }
            long sendSeconds = run.finish();
            System.out.printf("kill -9 run: %d referrals at %d/s over %d s; restarted after SIGKILL in ms: %s%n",
                    REFERRALS, PER_SECOND, sendSeconds, downMillis);
            run.assertNothingLostOrTwice("kill -9 run", REFERRALS, academy);
        }
    }
}
