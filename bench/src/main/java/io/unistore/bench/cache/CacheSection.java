package io.unistore.bench.cache;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.bench.Context;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Workspace;
import io.unistore.bench.local.LocalSection;
import io.unistore.bench.micro.Jmh;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * storage-cache: a repeated point query through the cache layer against the uncached call, on the local provider
 * and on Azurite (where every uncached read is an HTTP round trip). A hit costs a map lookup, so the goal is only
 * that the cache is at least twice as fast; the figures say by how much.
 */
public final class CacheSection extends Section {
    static final String UNCACHED = "uncached getEntity";

    public CacheSection() {
        super("cache", "Read cache (storage-cache) vs the uncached call");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        Path dir = ctx.workspace().newDir("cache-");
        try {
            measure(ctx, out, "local", () -> Unistore.open("file:" + dir.resolve("store")));
            measure(ctx, out, "azurite", () -> ctx.backends().openAzure());
        } finally {
            Workspace.delete(dir);
        }
        out.note("Cache figures: JMH in this JVM, interleaved rounds as in the micro section, operations per second "
                + "of `getEntity` on one entity of three properties, repeated: through `CacheLayer` with its defaults "
                + "(every call after the first is a hit) against the same account without the layer. Source: "
                + "`bench/src/main/java/io/unistore/bench/cache/CacheBench.java`.");
    }

    private void measure(Context ctx, SectionResult.Builder out, String backend, Supplier<StorageAccount> account)
            throws Exception {
        ctx.log().info("cache: point query on %s", backend);
        CacheBench.prepare(account);
        List<Series> s = Jmh.pair(ctx, CacheBench.class, "uCachedGet", "rUncachedGet", UNCACHED);
        out.figure(new Figure(id(), "repeated point query, " + backend, "ops/s", false, LocalSection.perSecond(s),
                new Goal(UNCACHED, 2.0, false), null));
    }
}
