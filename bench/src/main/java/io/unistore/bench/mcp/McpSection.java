package io.unistore.bench.mcp;

import io.unistore.bench.Context;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;

/** TODO. */
public final class McpSection implements Section {
    @Override
    public String id() {
        return "mcp";
    }

    @Override
    public String title() {
        return "MCP server";
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) {
        out.missing("not written yet");
    }
}
