package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many calls in flight at once over stdio, some sending progress notifications while others answer: every
 * call gets its answer. (A bench run under heavy load once lost an answer to two threads writing at once.)
 */
class ConcurrentCallsIT {
    @TempDir
    Path dir;

    @Test
    void everyConcurrentCallIsAnswered() throws Exception {
        Path exchange = Files.createDirectories(dir.resolve("exchange"));
        Path source = Files.write(exchange.resolve("in.bin"), new byte[2 * 1024 * 1024]);
        Path config = ServerJar.writeConfig(dir, Map.of("local", Map.of("address", "file:" + dir.resolve("data"))));
        try (McpSession s = McpSession.start("--config", config.toString(), "--allow-path", exchange.toString())
                .connect()) {
            s.call("create-container", args("container", "busy"));
            int threads = 8;
            int perThread = 15;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        int answered = 0;
                        for (int i = 0; i < perThread; i++) {
                            if (i % 3 == 0) {
                                McpSchema.CallToolResult up = s.rawWithProgress("upload-blob", args("container",
                                        "busy", "blob", "b-" + thread + "-" + i, "localPath", source.toString()),
                                        "p-" + thread + "-" + i);
                                s.checked("upload-blob", up);
                            } else {
                                s.call("list-blobs", args("container", "busy"));
                            }
                            answered++;
                        }
                        return answered;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : futures) {
                    total += f.get(3, TimeUnit.MINUTES);
                }
                assertThat(total).isEqualTo(threads * perThread);
            } finally {
                pool.shutdownNow();
            }
            assertThat(StoreToolsContract.names(s.call("list-blobs", args("container", "busy", "pageSize", 1000)),
                    "blobs")).hasSize(threads * 5);
        }
    }
}
