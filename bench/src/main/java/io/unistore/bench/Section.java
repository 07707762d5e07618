package io.unistore.bench;

/** One part of the benchmark (micro figures, large transfers...), run by {@link BenchMain}. */
public abstract class Section {
    private final String id;
    private final String title;

    /**
     * @param id the id used on the command line and for the results file
     * @param title the heading in the report
     */
    protected Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    /** Measures, adding figures, notes and what is missing to {@code out}. */
    public abstract void run(Context ctx, SectionResult.Builder out) throws Exception;
}
