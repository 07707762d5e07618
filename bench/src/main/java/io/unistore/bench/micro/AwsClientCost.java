package io.unistore.bench.micro;

import io.unistore.bench.Backends;
import io.unistore.bench.Log;
import io.unistore.bench.Workspace;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@link AwsBench}'s pairs cost on the client and on the wire, which a busy machine cannot hide: the calling
 * thread's CPU time per operation (the sync SDK clients do their HTTP work on it), and the requests and answer
 * bytes per operation counted by a {@link FaultProxy} in front of each side. Wall time on dynalite and ElasticMQ is
 * mostly the emulators' (Node and Scala on the same cores), so its ratio swings with the load; these do not.
 * <pre>java -cp bench/target/unistore-bench.jar io.unistore.bench.micro.AwsClientCost [rounds] [opsPerRound]</pre>
 */
public final class AwsClientCost {
    private static final String BLACKHOLE_OK = "Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.";

    private AwsClientCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path tmp = Files.createTempDirectory("aws-client-cost");
        Log log = new Log(System.out, false);
        Backends backends = new Backends(new Workspace(Workspace.findRoot(), tmp.resolve("scratch"),
                tmp.resolve("results"), tmp.resolve("report.md")), log);
        MicroTargets.backends = backends;
        AwsBench.prepare();
        int dynamoPort = FaultProxy.portOf(backends.dynalite().endpoint().toString());
        int sqsPort = FaultProxy.portOf(backends.elasticMq().endpoint().toString());
        try (FaultProxy uDynamo = FaultProxy.start(dynamoPort, FaultPlan.none());
             FaultProxy uSqs = FaultProxy.start(sqsPort, FaultPlan.none());
             FaultProxy rDynamo = FaultProxy.start(dynamoPort, FaultPlan.none());
             FaultProxy rSqs = FaultProxy.start(sqsPort, FaultPlan.none())) {
            AwsBench b = new AwsBench();
            b.account = backends.openAws(URI.create(uDynamo.endpoint()), URI.create(uSqs.endpoint()));
            b.tables = b.account.tables();
            b.queues = b.account.queues();
            b.dynamo = backends.dynamo(URI.create(rDynamo.endpoint()));
            b.sqs = backends.sqs(URI.create(rSqs.endpoint()));
            b.queueUrlR = b.sqs.getQueueUrl(r -> r.queueName(AwsBench.QUEUE_R)).queueUrl();
            Blackhole bh = new Blackhole(BLACKHOLE_OK);
            Map<String, List<Runnable>> pairs = new LinkedHashMap<>();
            pairs.put("DynamoDB entity put", List.of(b::uEntityPut, b::rEntityPut));
            pairs.put("DynamoDB get entity", List.of(b::uEntityGet, b::rEntityGet));
            pairs.put("DynamoDB range query (50)", List.of(b::uRangeQuery, b::rRangeQuery));
            pairs.put("SQS send+receive+delete", List.of(() -> b.uQueueSendReceive(bh), () -> b.rQueueSendReceive(bh)));
            System.out.printf("%d rounds of %d operations per side, alternating; medians [ranges] of the rounds%n",
                    rounds, perRound);
            for (Map.Entry<String, List<Runnable>> pair : pairs.entrySet()) {
                boolean sqs = pair.getKey().startsWith("SQS");
                measure(pair.getKey(), pair.getValue(), sqs ? new FaultProxy[] {uSqs, rSqs}
                        : new FaultProxy[] {uDynamo, rDynamo}, rounds, perRound);
            }
            b.tearDown();
        }
        System.exit(0); // the emulators' threads
    }

    private static void measure(String name, List<Runnable> sides, FaultProxy[] proxies, int rounds, int perRound) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < perRound; i++) { // warm-up, and the one-off look-ups (DescribeTable, GetQueueUrl)
            sides.get(0).run();
            sides.get(1).run();
        }
        double[][] cpu = new double[2][rounds];
        double[][] wall = new double[2][rounds];
        long[] requests = new long[2];
        long[] bytes = new long[2];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int side = r % 2 == 0 ? k : 1 - k;
                long req0 = proxies[side].forwarded();
                long bytes0 = proxies[side].forwardedBytes();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    sides.get(side).run();
                }
                wall[side][r] = (System.nanoTime() - t0) / 1e3 / perRound;
                cpu[side][r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / perRound;
                requests[side] += proxies[side].forwarded() - req0;
                bytes[side] += proxies[side].forwardedBytes() - bytes0;
            }
        }
        double ops = (double) rounds * perRound;
        System.out.printf("%-28s client CPU µs/op Unistore %s, SDK %s, ratio %s | wall ratio %s | requests/op %.2f vs "
                        + "%.2f | answer bytes/op %.0f vs %.0f%n", name, spread(cpu[0]), spread(cpu[1]),
                spread(ratios(cpu)), spread(ratios(wall)), requests[0] / ops, requests[1] / ops, bytes[0] / ops,
                bytes[1] / ops);
    }

    private static double[] ratios(double[][] sides) {
        double[] r = new double[sides[0].length];
        for (int i = 0; i < r.length; i++) {
            r[i] = sides[0][i] / sides[1][i];
        }
        return r;
    }

    private static String spread(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        String f = v[v.length / 2] < 10 ? "%.3f" : "%.0f";
        return String.format(f + " [" + f + "–" + f + "]", v[v.length / 2], v[0], v[v.length - 1]);
    }
}
