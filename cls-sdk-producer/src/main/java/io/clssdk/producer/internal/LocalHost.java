package io.clssdk.producer.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Detects the source IP and host name sent with every group, once, when a producer is built. */
final class LocalHost {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHost.class);

    private LocalHost() {}

    /** The first site-local IPv4 of an up, non-loopback interface; else any such IPv4; else 127.0.0.1. */
    static String ipv4() {
        String fallback = null;
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            for (NetworkInterface ni :
                    interfaces == null ? Collections.<NetworkInterface>emptyList() : Collections.list(interfaces)) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(ni.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        if (address.isSiteLocalAddress()) {
                            return address.getHostAddress();
                        }
                        if (fallback == null) {
                            fallback = address.getHostAddress();
                        }
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("Could not list network interfaces: {}", e.toString());
        }
        return fallback != null ? fallback : "127.0.0.1";
    }

    /** $HOSTNAME if set, else the local host name (which may take a DNS lookup), else "localhost". */
    static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.trim().isEmpty()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            LOG.debug("Could not resolve the local host name: {}", e.toString());
            return "localhost";
        }
    }
}
