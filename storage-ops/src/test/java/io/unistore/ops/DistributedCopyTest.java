package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.ReceiveOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Distributed copy with worker threads on the local provider: a job shared by three workers, an item whose
 * receiver died (its message never deleted) redone after the lease, a second job finding everything unchanged,
 * and bad input. The same with worker processes killed by SIGKILL is storage-cli's {@code CliDistributedIT}.
 */
class DistributedCopyTest extends AccountsTest {
    @Test
    void threeWorkersCopyEveryObjectAndRedoADeadWorkersItem() throws Exception {
        StorageAccount source = track(Backends.local());
        StorageAccount target = track(Backends.local());
        Fixtures.putBlobs(source.blobs(), "src", "", 60, 200);
        Function<String, StorageAccount> accounts = Map.of("a", source, "b", target)::get;
        DistributedCopy jobs = DistributedCopy.on(target).withBatchSize(7).withLease(Duration.ofSeconds(1))
                .withPollInterval(Duration.ofMillis(50));

        String job = jobs.submit("a", "b", CopyContainerOptions.of("src", "dst").withConcurrency(4), accounts);
        CopyJobStatus submitted = jobs.status(job);
        assertThat(submitted.state()).isEqualTo("running");
        assertThat(submitted.items()).isEqualTo(9);
        assertThat(submitted.objects()).isEqualTo(60);
        // A worker that received an item and died: its message is never deleted and must come back.
        List<QueueMessage> lost = target.queues().receiveMessages(DistributedCopy.QUEUE_PREFIX + job,
                ReceiveOptions.of(1, Duration.ofSeconds(1)));
        assertThat(lost).hasSize(1);

        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<CopyJobWorkResult>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "w" + i;
            workers.add(threads.submit(() -> jobs.work(job, name, accounts)));
        }
        long items = 0;
        long copied = 0;
        for (Future<CopyJobWorkResult> w : workers) {
            CopyJobWorkResult r = w.get();
            items += r.items();
            copied += r.copied();
            assertThat(r.job().state()).isEqualTo("complete");
        }
        threads.shutdown();

        CopyJobStatus done = jobs.status(job);
        assertThat(done.state()).isEqualTo("complete");
        assertThat(done.itemsDone()).isEqualTo(9);
        assertThat(done.copied()).isEqualTo(60).isEqualTo(copied);
        assertThat(done.verified()).isEqualTo(60);
        assertThat(done.failed()).isZero();
        assertThat(items).isEqualTo(9);
        assertThat(done.bytesCopied()).isEqualTo(60 * 200 + 59 * 60 / 2);
        Fixtures.assertSameBlobs(source.blobs(), "src", target.blobs(), "dst");

        String again = jobs.submit("a", "b", CopyContainerOptions.of("src", "dst"), accounts);
        CopyJobWorkResult second = jobs.work(again, "solo", accounts);
        assertThat(second.job().state()).isEqualTo("complete");
        assertThat(second.job().unchanged()).isEqualTo(60);
        assertThat(second.job().copied()).isZero();
        assertThat(jobs.delete(again)).isTrue();
        assertThatThrownBy(() -> jobs.status(again)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesBadInputNamingTheField() {
        StorageAccount account = track(Backends.local());
        DistributedCopy jobs = DistributedCopy.on(account);
        assertThatThrownBy(() -> jobs.withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> jobs.withLease(Duration.ofMillis(10))).hasMessageContaining("lease");
        assertThatThrownBy(() -> jobs.status("../x")).hasMessageContaining("jobId");
        assertThatThrownBy(() -> jobs.status("nosuchjob")).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> jobs.submit("a", "a", CopyContainerOptions.of("c", "c"), n -> account))
                .hasMessageContaining("targetContainer");
        assertThatThrownBy(() -> jobs.submit("a", "a", CopyContainerOptions.of("missing", "d"), n -> account))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
