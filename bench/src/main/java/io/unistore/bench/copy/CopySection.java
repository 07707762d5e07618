package io.unistore.bench.copy;

import io.unistore.bench.Context;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;

/** TODO. */
public final class CopySection implements Section {
    @Override
    public String id() {
        return "copy";
    }

    @Override
    public String title() {
        return "Bulk copy";
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) {
        out.missing("not written yet");
    }
}
