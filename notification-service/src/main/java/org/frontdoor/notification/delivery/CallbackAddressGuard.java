package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;

/**
 * The one place that decides whether a partner's callback may be contacted: every address its host resolves
 * to must be {@link AddressClass#PUBLIC}; one loopback, private, link-local, shared, benchmarking, multicast,
 * unspecified or broadcast address (also inside IPv6) refuses it. Asked at registration and again just before
 * each delivery, as DNS can change in between. Before a delivery the host is resolved once
 * ({@link #targetBeforeConnect}) and the sender connects to the very address approved here, never resolving the
 * name again: a name that answers a public address to the check and a private one to the connect (DNS
 * rebinding) reaches nothing it should not.
 *
 * <p>The only exception is explicit configuration for local runs and tests
 * ({@code frontdoor.notification.webhook.allow-http-hosts}, unset in production): a host named there is not
 * refused, so receivers on 127.0.0.1 keep working (it is still resolved once, and connected to at that address).
 */
@ApplicationScoped
public class CallbackAddressGuard {

    @Inject
    NotificationConfig config;

    @Inject
    HostResolver resolver;

    /** A host of the local-run exception: may be reached over plain http and at any address. */
    public boolean isLocalException(String host) {
        return host != null && config.webhook().allowHttpHosts().orElse(List.of()).stream()
                .anyMatch(h -> h.strip().equalsIgnoreCase(host));
    }

    /**
     * At registration: why this callback may not be registered, in words for the 422, or empty. A host that does
     * not resolve (yet) is accepted: it names no forbidden address, and each delivery checks it again.
     */
    public Optional<String> refusalAtRegistration(URI callback) {
        return Optional.ofNullable(check(callback, false).refusal()).map(r -> r.message(true));
    }

    /** Just before a delivery connects: why it must not, or empty; a host that does not resolve is refused. */
    public Optional<String> refusalBeforeConnect(URI callback) {
        return Optional.ofNullable(targetBeforeConnect(callback).refusal());
    }

    /**
     * Just before a delivery connects: the one address to connect to, resolved once and checked, or why not. The
     * sender connects to this address and to no other, so the name is never resolved twice.
     */
    public Target targetBeforeConnect(URI callback) {
        Checked checked = check(callback, true);
        return checked.refusal() != null ? new Target(null, checked.refusal().message(false))
                : new Target(checked.addresses().get(0), null);
    }

    /** Where a delivery may connect ({@code address}), or why it may not ({@code refusal}, in words). */
    public record Target(InetAddress address, String refusal) {
    }

    /** What a check found: a refusal, or the addresses it approved (none when a registration's host is unknown). */
    private record Checked(Refusal refusal, List<InetAddress> addresses) {
    }

    private Checked check(URI callback, boolean unresolvedIsRefused) {
        String host = callback.getHost();
        if (host == null) {
            return new Checked(new Refusal(null, false, "has no host"), List.of());
        }
        // only for the wording: an address given as such "is" one, a name "resolves to" one
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Checked(unresolvedIsRefused ? new Refusal(null, false, "does not resolve (DNS)") : null,
                    List.of());
        }
        if (isLocalException(host)) {
            return addresses.isEmpty() ? new Checked(new Refusal(null, false, "does not resolve (DNS)"), addresses)
                    : new Checked(null, addresses);
        }
        return new Checked(forbiddenAmong(addresses).map(c -> new Refusal(c, literal, null)).orElse(null),
                addresses);
    }

    /** The first kind of address among these that must not be contacted, if any. */
    public static Optional<AddressClass> forbiddenAmong(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of(AddressClass.UNSPECIFIED);
        }
        return addresses.stream().map(AddressClass::of).filter(c -> c != AddressClass.PUBLIC).findFirst();
    }

    /** Never the resolved address of a name: the answer would tell a caller about our internal DNS. */
    private record Refusal(AddressClass kind, boolean literal, String other) {

        String message(boolean forRegistration) {
            String what = other != null ? other
                    : (literal ? "is " : "resolves to ") + kind.description();
            return forRegistration
                    ? "must reach a public address: its host " + what
                    : "not sent: the callback host " + what + ", so it was not contacted";
        }
    }
}
