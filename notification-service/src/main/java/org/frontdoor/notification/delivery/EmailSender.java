package org.frontdoor.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantLock;
import org.frontdoor.support.Failures;

/**
 * Sends a plain-text email over SMTP (quarkus-mailer), one at a time. Deliveries run concurrently, but
 * every email goes to the same relay, and the Vert.x mail client stalled until its timeout when the
 * dispatcher's threads sent several at once (FeedbackRulesTest under load): one after the other is as
 * fast for one relay and never loses a message to that.
 */
@ApplicationScoped
public class EmailSender {

    @Inject
    Mailer mailer;

    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    public WebhookSender.Result send(String to, String subject, String text) {
        oneAtATime.lock();
        try {
            mailer.send(Mail.withText(to, subject, text));
            return new WebhookSender.Result(true, null);
        } catch (RuntimeException e) {
            // the class of the failure only: an SMTP answer can quote the address
            return new WebhookSender.Result(false, "the mail server did not take the message ("
                    + Failures.rootCause(e).getClass().getSimpleName() + ")");
        } finally {
            oneAtATime.unlock();
        }
    }
}
