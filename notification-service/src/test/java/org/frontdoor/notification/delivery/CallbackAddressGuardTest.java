package org.frontdoor.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;
import org.junit.jupiter.api.Test;

/**
 * Which addresses a callback may reach. By resolution only: nothing here connects anywhere (IP literals and
 * names resolved by a resolver the test controls; localhost by the JVM's, which answers from the hosts file).
 */
class CallbackAddressGuardTest {

    @Test
    void everyNonPublicKindOfAddressIsRecognised() throws Exception {
        Map<String, AddressClass> expected = Map.ofEntries(
                Map.entry("10.0.0.1", AddressClass.PRIVATE),
                Map.entry("172.16.0.1", AddressClass.PRIVATE),
                Map.entry("172.31.255.254", AddressClass.PRIVATE),
                Map.entry("192.168.1.1", AddressClass.PRIVATE),
                Map.entry("fd12:3456::1", AddressClass.PRIVATE),
                Map.entry("fc00::1", AddressClass.PRIVATE),
                Map.entry("127.0.0.1", AddressClass.LOOPBACK),
                Map.entry("127.255.0.9", AddressClass.LOOPBACK),
                Map.entry("::1", AddressClass.LOOPBACK),
                Map.entry("169.254.169.254", AddressClass.LINK_LOCAL),
                Map.entry("fe80::1", AddressClass.LINK_LOCAL),
                Map.entry("100.64.0.1", AddressClass.SHARED),
                Map.entry("100.127.255.254", AddressClass.SHARED),
                Map.entry("198.18.0.1", AddressClass.BENCHMARK),
                Map.entry("198.19.255.1", AddressClass.BENCHMARK),
                Map.entry("224.0.0.1", AddressClass.MULTICAST),
                Map.entry("ff02::1", AddressClass.MULTICAST),
                Map.entry("0.0.0.0", AddressClass.UNSPECIFIED),
                Map.entry("::", AddressClass.UNSPECIFIED),
                Map.entry("255.255.255.255", AddressClass.BROADCAST),
                Map.entry("240.0.0.1", AddressClass.RESERVED),
                // IPv4 inside IPv6: mapped, compatible, NAT64 and 6to4 reach the IPv4 host
                Map.entry("::ffff:10.0.0.1", AddressClass.PRIVATE),
                Map.entry("::ffff:169.254.169.254", AddressClass.LINK_LOCAL),
                Map.entry("::127.0.0.1", AddressClass.LOOPBACK),
                Map.entry("64:ff9b::a9fe:a9fe", AddressClass.LINK_LOCAL),
                Map.entry("2002:7f00:1::", AddressClass.LOOPBACK),
                // public neighbours of the ranges
                Map.entry("172.32.0.1", AddressClass.PUBLIC),
                Map.entry("100.128.0.1", AddressClass.PUBLIC),
                Map.entry("198.20.0.1", AddressClass.PUBLIC),
                Map.entry("11.0.0.1", AddressClass.PUBLIC),
                Map.entry("203.0.113.7", AddressClass.PUBLIC),
                Map.entry("2001:4860:4860::8888", AddressClass.PUBLIC));
        for (Map.Entry<String, AddressClass> e : expected.entrySet()) {
            assertEquals(e.getValue(), AddressClass.of(InetAddress.getByName(e.getKey())), e.getKey());
        }
    }

    @Test
    void oneForbiddenAddressAmongSeveralRecordsRefusesTheHost() throws Exception {
        assertEquals(Optional.of(AddressClass.PRIVATE), CallbackAddressGuard.forbiddenAmong(
                List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("10.0.0.1"))));
        assertEquals(Optional.empty(), CallbackAddressGuard.forbiddenAmong(
                List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("2001:db8::1"))));
    }

    @Test
    void outsideLocalModeAHostnameResolvingToLoopbackIsRefused() {
        CallbackAddressGuard production = guard(Optional.empty(), new HostResolver());
        // localhost resolves (hosts file) to 127.0.0.1 and/or ::1
        assertEquals(Optional.of("must reach a public address: its host resolves to "
                + AddressClass.LOOPBACK.description()),
                production.refusalAtRegistration(URI.create("https://localhost/hooks")));
        assertTrue(production.refusalBeforeConnect(URI.create("https://localhost:8443/hooks")).orElseThrow()
                .startsWith("not sent: the callback host resolves to a loopback address"));
        assertEquals(Optional.of("must reach a public address: its host is " + AddressClass.PRIVATE.description()),
                production.refusalAtRegistration(URI.create("https://10.0.0.1/hooks")));
        assertTrue(production.refusalAtRegistration(URI.create("https://169.254.169.254/latest/meta-data"))
                .orElseThrow().contains("169.254.169.254"));
        assertTrue(production.refusalAtRegistration(URI.create("https://[::ffff:127.0.0.1]/")).isPresent());
        assertTrue(production.refusalAtRegistration(URI.create("https://[fe80::1]/")).isPresent());

        // a name we control, resolving to loopback
        CallbackAddressGuard rebinding = guard(Optional.empty(), resolving("partner.example", "203.0.113.7",
                "127.0.0.1"));
        assertTrue(rebinding.refusalAtRegistration(URI.create("https://partner.example/hooks")).isPresent());
    }

    @Test
    void theLocalRunExceptionIsExplicitAndByHostName() {
        CallbackAddressGuard local = guard(Optional.of(List.of("localhost", "127.0.0.1")), new HostResolver());
        assertEquals(Optional.empty(), local.refusalAtRegistration(URI.create("http://localhost:8080/hooks")));
        assertEquals(Optional.empty(), local.refusalBeforeConnect(URI.create("http://127.0.0.1:8080/hooks")));
        // other names and addresses are judged as in production
        assertTrue(local.refusalAtRegistration(URI.create("https://127.0.0.2/hooks")).isPresent());
        assertTrue(local.refusalAtRegistration(URI.create("https://10.0.0.1/hooks")).isPresent());
    }

    @Test
    void aHostThatDoesNotResolveIsAcceptedAtRegistrationButNotSentTo() {
        CallbackAddressGuard guard = guard(Optional.empty(), resolving("elsewhere.example", "203.0.113.7"));
        URI unknown = URI.create("https://no-such-host.invalid/hooks");
        assertEquals(Optional.empty(), guard.refusalAtRegistration(unknown));
        assertEquals(Optional.of("not sent: the callback host does not resolve (DNS), so it was not contacted"),
                guard.refusalBeforeConnect(unknown));
        assertEquals(Optional.empty(), guard.refusalBeforeConnect(URI.create("https://elsewhere.example/")));
    }

    private static HostResolver resolving(String name, String... addresses) {
        return new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                if (!host.equalsIgnoreCase(name)) {
                    throw new UnknownHostException(host);
                }
                List<InetAddress> out = new java.util.ArrayList<>();
                for (String a : addresses) {
                    out.add(InetAddress.getByName(a)); // literals: no lookup
                }
                return out;
            }
        };
    }

    /** A guard with only the configuration it reads. */
    private static CallbackAddressGuard guard(Optional<List<String>> allowHttpHosts, HostResolver resolver) {
        NotificationConfig.Webhook webhook = (NotificationConfig.Webhook) Proxy.newProxyInstance(
                CallbackAddressGuardTest.class.getClassLoader(), new Class<?>[] { NotificationConfig.Webhook.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("allowHttpHosts")) {
                        return allowHttpHosts;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        NotificationConfig config = (NotificationConfig) Proxy.newProxyInstance(
                CallbackAddressGuardTest.class.getClassLoader(), new Class<?>[] { NotificationConfig.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("webhook")) {
                        return webhook;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        CallbackAddressGuard guard = new CallbackAddressGuard();
        guard.config = config;
        guard.resolver = resolver;
        return guard;
    }
}
