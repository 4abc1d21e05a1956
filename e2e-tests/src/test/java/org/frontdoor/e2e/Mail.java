package org.frontdoor.e2e;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What arrived at the SMTP server, as a mail client would show it. */
final class Mail {

    record Received(List<String> to, String subject, String body) {
    }

    private Mail() {
    }

    static List<Received> all(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).map(Mail::read).toList();
    }

    static List<Received> to(GreenMail smtp, String address) {
        return all(smtp).stream().filter(m -> m.to().contains(address)).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Object content = message.getContent();
            StringBuilder body = new StringBuilder();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Object part = multipart.getBodyPart(i).getContent();
                    body.append(part instanceof String s ? s : "");
                }
            } else {
                body.append(content);
            }
            return new Received(to == null ? List.of()
                    : Arrays.stream(to).map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
                            .toList(), message.getSubject(), body.toString().replace("\r\n", "\n"));
        } catch (Exception e) {
            throw new IllegalStateException("could not read a received message", e);
        }
    }
}
