package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Every address a host name resolves to (all A and AAAA records), through the JVM's resolver: the one the
 * HTTP client connects with, whose cache (networkaddress.cache.ttl) keeps the answer the guard checked for the
 * connect that follows. A bean of its own so tests can resolve names they control without a DNS server.
 */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
