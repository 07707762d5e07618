package io.unistore.testsupport.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link FaultProxy}s sharing one plan, for a back end with several ports (Azurite's blob, queue and
 * table services): one sequence of fates, one set of counters.
 */
public final class FaultProxies implements AutoCloseable {
    private final List<FaultProxy> proxies;

    private FaultProxies(List<FaultProxy> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** A proxy in front of the port of each {@code http://127.0.0.1:PORT/...} URL. */
    public static FaultProxies inFrontOf(FaultPlan plan, String... urls) {
        List<FaultProxy> started = new ArrayList<>();
        try {
            for (String url : urls) {
                started.add(FaultProxy.start(FaultProxy.portOf(url), plan));
            }
        } catch (RuntimeException e) {
            started.forEach(FaultProxy::close);
            throw e;
        }
        return new FaultProxies(started);
    }

    /** {@code text} with every back-end address replaced by its proxy's (see {@link FaultProxy#route}). */
    public String route(String text) {
        String routed = text;
        for (FaultProxy p : proxies) {
            routed = p.route(routed);
        }
        return routed;
    }

    /** The proxies, in the order of the URLs. */
    public List<FaultProxy> proxies() {
        return proxies;
    }

    @Override
    public void close() {
        proxies.forEach(FaultProxy::close);
    }
}
