package io.unistore.bench;

/** One part of the benchmark (micro figures, large transfers...), run by {@link BenchMain}. */
public interface Section {
    /** The id used on the command line and for the results file. */
    String id();

    /** The heading in the report. */
    String title();

    /** Measures, adding figures, notes and what is missing to {@code out}. */
    void run(Context ctx, SectionResult.Builder out) throws Exception;
}
