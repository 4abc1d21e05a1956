package org.frontdoor.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free loopback port, and {@code quarkus-mailer} pointed
 * at it ({@code quarkus.mailer.host/port}, {@code quarkus.mailer.mock=false}: in test mode the mailer would
 * otherwise only pretend to send). Tests read what arrived with {@link #received()}.
 * <pre>
 * &#64;WithTestResource(value = GreenMailTestResource.class, scope = TestResourceScope.GLOBAL)
 * </pre>
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    /** One message as a mail client would show it. */
    public record ReceivedMail(List<String> to, String from, String subject, String body) {
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Support.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void stop() {
        // kept for later test classes in this JVM; GreenMail's threads are daemons
    }

    /** Every message the server has received so far. */
    public static List<ReceivedMail> received() {
        GreenMail smtp = server;
        if (smtp == null) {
            throw new IllegalStateException("GreenMailTestResource has not been started in this class loader");
        }
        return Arrays.stream(smtp.getReceivedMessages()).map(GreenMailTestResource::read).toList();
    }

    /** The messages sent to this address. */
    public static List<ReceivedMail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] from = message.getFrom();
            Object content = message.getContent();
            String body;
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Object part = multipart.getBodyPart(i).getContent();
                    text.append(part instanceof String s ? s : "");
                }
                body = text.toString();
            } else {
                body = String.valueOf(content);
            }
            return new ReceivedMail(
                    to == null ? List.of() : Arrays.stream(to).map(GreenMailTestResource::address).toList(),
                    from == null || from.length == 0 ? null : address(from[0]),
                    message.getSubject(), body.replace("\r\n", "\n"));
        } catch (Exception e) {
            throw new IllegalStateException("could not read a received message", e);
        }
    }

    private static String address(Address a) {
        return a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString();
    }
}
