package io.unistore.bench.large;

import io.unistore.bench.Context;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;

/** TODO. */
public final class LargeSection implements Section {
    @Override
    public String id() {
        return "large";
    }

    @Override
    public String title() {
        return "Large transfers";
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) {
        out.missing("not written yet");
    }
}
