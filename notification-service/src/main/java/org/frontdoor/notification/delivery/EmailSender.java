package org.frontdoor.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.frontdoor.support.Failures;

/**
 * Sends a plain-text email over SMTP (quarkus-mailer), every message from one thread of its own.
 * Deliveries run concurrently on the dispatcher's pool, but the Vert.x mail client, called from
 * several pool threads in turn, now and then left a send hanging until its timeout (FeedbackRulesTest,
 * CouldNotInformTest); from one thread, as before the pool, it does not. Every email goes to the same
 * relay, so one at a time costs nothing.
 */
@ApplicationScoped
public class EmailSender {

    @Inject
    Mailer mailer;

    private final ExecutorService smtp = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-smtp");
        t.setDaemon(true);
        return t;
    });

    public WebhookSender.Result send(String to, String subject, String text) {
        return send(List.of(to), subject, text);
    }

    /** One message to every address (an organisation's contact emails), so it is sent, or not, once. */
    public WebhookSender.Result send(List<String> to, String subject, String text) {
        try {
            smtp.submit(() -> mailer.send(new Mail().setTo(List.copyOf(to)).setSubject(subject).setText(text)))
                    .get();
            return new WebhookSender.Result(true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookSender.Result(false, "the mail was not sent: the service is stopping");
        } catch (ExecutionException | RuntimeException e) {
            // the class of the failure only: an SMTP answer can quote the address
            return new WebhookSender.Result(false, "the mail server did not take the message ("
                    + Failures.rootCause(e).getClass().getSimpleName() + ")");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        smtp.shutdownNow();
    }
}
