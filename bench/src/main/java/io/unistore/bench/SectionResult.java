package io.unistore.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one section of the run produced: its figures, and notes for the report (how it was measured, what is
 * missing and why).
 *
 * @param id the section's id (e.g. "micro")
 * @param title its heading in the report
 * @param figures its figures, in order
 * @param notes Markdown paragraphs shown under the heading
 * @param missing what could not be measured, each with the reason
 * @param seconds how long the section took
 * @param loadMean the mean 1-minute load average while it ran
 * @param loadMax the highest 1-minute load average while it ran
 */
public record SectionResult(String id, String title, List<Figure> figures, List<String> notes, List<String> missing,
                            double seconds, double loadMean, double loadMax) {
    public SectionResult {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
        missing = List.copyOf(missing);
    }

    /** Collects a section's output while it runs. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        public Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder note(String markdown) {
            notes.add(markdown);
            return this;
        }

        public Builder missing(String what) {
            missing.add(what);
            return this;
        }

        public SectionResult build(double seconds, double loadMean, double loadMax) {
            return new SectionResult(id, title, figures, notes, missing, seconds, loadMean, loadMax);
        }
    }
}
