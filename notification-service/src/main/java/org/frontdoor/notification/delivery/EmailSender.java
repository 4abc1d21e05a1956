package org.frontdoor.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.frontdoor.support.Failures;

/** Sends a plain-text email over SMTP (quarkus-mailer). */
@ApplicationScoped
public class EmailSender {

    @Inject
    Mailer mailer;

    public WebhookSender.Result send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text));
            return new WebhookSender.Result(true, null);
        } catch (RuntimeException e) {
            // the class of the failure only: an SMTP answer can quote the address
            return new WebhookSender.Result(false, "the mail server did not take the message ("
                    + Failures.rootCause(e).getClass().getSimpleName() + ")");
        }
    }
}
