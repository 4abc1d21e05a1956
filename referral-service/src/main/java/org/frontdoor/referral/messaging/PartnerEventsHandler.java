package org.frontdoor.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.support.directory.PartnerDirectoryCopy;

/** This service's copy of the partner directory, kept from the compacted partner-events topic. */
@ApplicationScoped
public class PartnerEventsHandler {

    @Inject
    PartnerDirectoryCopy directory;

    @Incoming("partner-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return directory.receive(batch);
    }
}
