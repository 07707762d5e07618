package io.unistore.bench.micro;

import io.unistore.bench.Context;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import java.util.List;

/**
 * Issue #7 item 1, abstraction overhead: each operation through Unistore and through the raw SDK it wraps, on the
 * same emulator, in the same JVM, as interleaved JMH runs. Goal: at most 1.03 times the SDK's time.
 */
public final class MicroSection extends Section {
    static final String RAW = "raw SDK";
    static final Goal GOAL = new Goal(RAW, 1.03, true);
    /** Causes found by profiling (JFR) or by reading the provider, by back end and method. */
    static final String AZURE_CLIENTS = "not separated from the noise: the Azure provider no longer builds an SDK "
            + "client per call (it did, 8-12 µs each, 1-2% of an Azurite round trip; storage-azure `ClientCache` "
            + "keeps one per table, queue, container and share). What is left (entity conversion, error "
            + "translation, the capability guard's reflective call) is a few µs against a round trip of 400 µs "
            + "or more: sampling the calling thread shows it waiting for Azurite almost all the time, so read the "
            + "per-round range before reading a cause into a few percent.";
    /** Why the DynamoDB and SQS pairs may miss the goal: measured by {@link AwsClientCost}. */
    static final String AWS_WIRE = "not Unistore's requests: every request of both sides was compared through a "
            + "relay and counted by a proxy (`AwsClientCost`): the same requests with the same bodies (PutItem with "
            + "the same item; GetItem and Query with ConsistentRead and the same key condition; SendMessage, "
            + "ReceiveMessage with the same attribute names, DeleteMessage), one request per DynamoDB call and "
            + "three per SQS cycle, the same answer bytes; the one-off DescribeTable and GetQueueUrl are cached per "
            + "account. Fixed since the first report: items map without `Instant.parse` (about 5x less CPU per "
            + "item, 51 items per range query) and a send without attributes carries no empty attribute map. What "
            + "is left is a few µs of client CPU per call (entity conversion, error translation) against round "
            + "trips of 1-50 ms on dynalite and ElasticMQ, which share the 2 cores with the JVM: the wall-time "
            + "ratio swings with the load (see its range), the client CPU ratio of `AwsClientCost` does not.";
    static final java.util.Map<String, String> WHY = java.util.Map.ofEntries(
            java.util.Map.entry("Azurite/uEntityUpsert", AZURE_CLIENTS),
            java.util.Map.entry("Azurite/uEntityGet", AZURE_CLIENTS),
            java.util.Map.entry("Azurite/uRangeQuery", AZURE_CLIENTS),
            java.util.Map.entry("Azurite/uQueueSendReceive", AZURE_CLIENTS),
            java.util.Map.entry("Azurite/uBlobPut", AZURE_CLIENTS),
            java.util.Map.entry("dynalite + ElasticMQ/uEntityPut", AWS_WIRE),
            java.util.Map.entry("dynalite + ElasticMQ/uEntityGet", AWS_WIRE),
            java.util.Map.entry("dynalite + ElasticMQ/uRangeQuery", AWS_WIRE),
            java.util.Map.entry("dynalite + ElasticMQ/uQueueSendReceive", AWS_WIRE),
            java.util.Map.entry("Azurite/uBlobGet", "each `openInputStream` of the Azure provider allocated a "
                    + "whole download chunk "
                    + "(4 MiB) before the first GET, even for a 4 KiB blob: JFR showed 16 GB allocated by "
                    + "`RangedInputStream.<init>` (now `ReadAheadInputStream`) for 4,000 reads and hundreds of GCs. Fixed since the first report "
                    + "(storage-azure: the first buffer starts at 64 KiB and grows to the chunk only for larger "
                    + "blobs). Left: the read is a ranged GET whose content MD5 is checked, where `downloadContent()` "
                    + "is one plain GET."),
            java.util.Map.entry("GCS stand-in/uBlobGet", "a plain read of the current object is now one media GET, as "
                    + "`readAllBytes` (storage-gcp `GcsReader.openWhole`; it was a metadata GET first, 2.0x). Left: "
                    + "the first 64 KiB are read at open (so a missing object fails there) and handed out "
                    + "through a second stream."),
            java.util.Map.entry("list", "`list(container)` asks for pages of `ListOptions.DEFAULT_PAGE_SIZE` "
                    + "(1000 since the first "
                    + "report, when pages of 100 made 1,000 blobs cost ten requests where each SDK makes one); the "
                    + "`pageSize 1000` row asks for it explicitly. What remains is per-item mapping of the listing."));

    /** One pair: a figure name and the Unistore and raw method names. */
    private record Op(String name, String unistore, String raw) {
        Op(String name, String suffix) {
            this(name, "u" + suffix, "r" + suffix);
        }
    }

    public MicroSection() {
        super("micro", "Abstraction overhead: Unistore vs the raw SDK (JMH)");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        MicroTargets.backends = ctx.backends();
        MicroTargets.listBlobs = ctx.profile().listBlobs();
        String list = "list " + String.format("%,d", ctx.profile().listBlobs()) + " blobs";
        Op paged = new Op(list + " (pageSize 1000)", "uListPaged", "rList");
        List<Op> blobOps = List.of(new Op("4 KiB blob put", "BlobPut"), new Op("4 KiB blob get", "BlobGet"),
                new Op(list, "List"), paged);
        List<Op> azureOps = List.of(new Op("4 KiB blob put", "BlobPut"), new Op("4 KiB blob get", "BlobGet"),
                new Op(list, "List"), paged, new Op("entity upsert (merge)", "EntityUpsert"),
                new Op("point query (get entity)", "EntityGet"),
                new Op("partition range query (50 entities)", "RangeQuery"),
                new Op("queue send + receive + delete", "QueueSendReceive"));
        measure(ctx, out, "Azurite", AzureBench.class, AzureBench::prepare, azureOps);
        measure(ctx, out, "S3Proxy", S3Bench.class, S3Bench::prepare, blobOps);
        measure(ctx, out, "GCS stand-in", GcsBench.class, GcsBench::prepare, blobOps);
        measure(ctx, out, "dynalite + ElasticMQ", AwsBench.class, AwsBench::prepare, List.of(
                new Op("DynamoDB entity put (replace)", "EntityPut"), new Op("DynamoDB get entity", "EntityGet"),
                new Op("DynamoDB partition range query (50 entities)", "RangeQuery"),
                new Op("SQS send + receive + delete", "QueueSendReceive")));
        out.note("Each row: the operation through Unistore (`u*` method) and through the SDK client it wraps "
                + "(`r*` method, built as the SDK's documentation shows), as JMH average time per operation in "
                + "this JVM (`forks(0)`, one warm-up iteration of " + ctx.profile().microWarmupMillis() + " ms and "
                + "one measured iteration of " + ctx.profile().microMeasureMillis() + " ms per run), alternating "
                + "Unistore/SDK for " + rounds(ctx) + " rounds. The ratio is Unistore's time over "
                + "the SDK's within each round; the table shows its median and range. Sources: "
                + "`bench/src/main/java/io/unistore/bench/micro/{Azure,S3,Gcs,Aws}Bench.java`.");
    }

    private void measure(Context ctx, SectionResult.Builder out, String backend, Class<?> bench, Prep prepare,
                         List<Op> ops) throws Exception {
        if (!chosen(bench)) {
            out.missing(backend + ": not asked for (-D" + ONLY + ")");
            return;
        }
        try {
            prepare.run();
        } catch (Exception | LinkageError e) {
            out.missing(backend + ": could not prepare the data (" + e + ")");
            return;
        }
        for (Op op : ops) {
            ctx.log().info("micro %s: %s", backend, op.name());
            try {
                List<Series> s = Jmh.pair(ctx, bench, op.unistore(), op.raw(), RAW);
                String why = op.unistore().equals("uList") ? WHY.get("list")
                        : WHY.getOrDefault(backend + "/" + op.unistore(), Figure.NOT_PROFILED);
                out.figure(new Figure(id(), backend + ": " + op.name(), "µs/op", true, s, GOAL, null)
                        .explainIfSlower(why));
            } catch (Exception e) {
                out.missing(backend + " " + op.name() + ": failed (" + e + ")");
            }
        }
    }

    /**
     * The system property naming the benches to run, e.g. {@code Aws,Azure} (the class names without
     * {@code Bench}); all when absent.
     */
    static final String ONLY = "unistore.bench.micro";

    /** The system property overriding the profile's rounds per pair (more: a steadier median on a busy machine). */
    static final String ROUNDS = "unistore.bench.micro.rounds";

    /** Rounds of each pair: {@value #ROUNDS} when set, else the profile's. */
    static int rounds(Context ctx) {
        int rounds = Integer.getInteger(ROUNDS, ctx.profile().microRounds());
        if (rounds < 1) {
            throw new IllegalArgumentException("-D" + ROUNDS + " must be at least 1, was " + rounds);
        }
        return rounds;
    }

    private static boolean chosen(Class<?> bench) {
        String only = System.getProperty(ONLY);
        if (only == null || only.isBlank()) {
            return true;
        }
        String name = bench.getSimpleName().replace("Bench", "");
        return java.util.Arrays.stream(only.split(",")).anyMatch(n -> n.trim().equalsIgnoreCase(name));
    }

    /** Data preparation that may throw. */
    @FunctionalInterface
    private interface Prep {
        void run() throws Exception;
    }
}
