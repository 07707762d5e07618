package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP Inspector (CLI mode, Node 22) lists and calls the tools of the jar, as the README shows. */
class InspectorIT {
    @TempDir
    Path dir;

    private NodeTool.Run inspect(Path config, String... method) throws Exception {
        List<String> args = new ArrayList<>(List.of("--cli"));
        args.addAll(List.of(method));
        args.add("--");
        args.addAll(ServerJar.command(List.of("--config", config.toString())));
        return NodeTool.run(dir, "@modelcontextprotocol/inspector/clients/launcher/build/index.js", args, 120);
    }

    @Test
    void listsAndCallsTools() throws Exception {
        NodeTool.assumeInstalled();
        Path config = ServerJar.localConfig(dir);
        NodeTool.Run list = inspect(config, "--method", "tools/list");
        System.out.println("$ inspector --cli --method tools/list\n" + list.output());
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("\"name\": \"list-containers\"").contains("\"readOnlyHint\": true");

        NodeTool.Run create = inspect(config, "--method", "tools/call", "--tool-name", "create-container",
                "--tool-arg", "container=inspected");
        System.out.println("$ inspector --cli --method tools/call --tool-name create-container\n" + create.output());
        assertThat(create.exitCode()).as(create.output()).isZero();
        assertThat(create.output()).contains("\"created\": true");

        NodeTool.Run listed = inspect(config, "--method", "tools/call", "--tool-name", "list-containers");
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("\"name\": \"inspected\"");

        NodeTool.Run bad = inspect(config, "--method", "tools/call", "--tool-name", "list-containers",
                "--tool-arg", "bogus=1");
        assertThat(bad.output()).contains("unknown argument 'bogus'").contains("\"isError\": true");
    }
}
