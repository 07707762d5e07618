package io.unistore.bench.micro;

import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Series;
import io.unistore.bench.Trial;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a JMH benchmark method in this JVM ({@code forks(0)}) and returns its average time per operation. A pair
 * of methods is measured as interleaved rounds of such runs: JMH times the operation (warm-up, blackholes,
 * iteration control), the rounds give the spread and cancel drifts in machine load.
 */
public final class Jmh {
    private Jmh() {
    }

    /** Average microseconds per operation of {@code benchmark.method}, from one warm-up and one measured iteration. */
    public static double microsPerOp(Class<?> benchmark, String method, Context ctx) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(0)
                .threads(1)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(ctx.profile().microWarmupMillis()))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(ctx.profile().microMeasureMillis()))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran nothing for " + benchmark.getSimpleName() + "." + method);
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }

    /** Unistore's method and the reference's, interleaved for the profile's rounds. */
    public static List<Series> pair(Context ctx, Class<?> benchmark, String unistoreMethod, String referenceMethod,
                                    String referenceLabel) throws Exception {
        return Interleaved.run(ctx.log(), benchmark.getSimpleName() + "." + unistoreMethod, 0,
                MicroSection.rounds(ctx), List.of(
                        Contender.unistore("Unistore", () -> Trial.of(microsPerOp(benchmark, unistoreMethod, ctx))),
                        Contender.reference(referenceLabel,
                                () -> Trial.of(microsPerOp(benchmark, referenceMethod, ctx)))));
    }
}
