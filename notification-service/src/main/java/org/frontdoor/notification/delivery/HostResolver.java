package org.frontdoor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Every address a host name resolves to (all A and AAAA records), through the JVM's resolver. The only
 * resolution of a callback's host before a delivery: the guard checks its answer and the sender connects to the
 * address it approved ({@link PinnedHttp}), so no second lookup can answer otherwise. A bean of its own so tests
 * can resolve names they control without a DNS server.
 */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
