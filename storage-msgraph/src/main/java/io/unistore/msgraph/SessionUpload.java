package io.unistore.msgraph;

import com.microsoft.graph.models.UploadSession;
import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import io.unistore.spi.HttpStatuses;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A large upload through an upload session: {@code createUploadSession}, then the content in ranged PUTs of
 * {@code chunkSize} bytes to the session's upload URL (202 until the last, then 201 or 200 with the item). The
 * file changes only when the last range arrives; on any failure the session is cancelled (DELETE), so the
 * previous content stays. A range that fails in transit (reset, cut answer, 429/5xx) is not the end: after a wait
 * ({@code Retry-After} when sent) the session's status says which bytes arrived ({@code nextExpectedRanges}) and
 * the upload resumes from there, up to {@code maxRetries} times per range. Upload URLs are pre-authenticated and on other hosts than Graph: they get no token,
 * so they are sent with the JDK's client rather than through the SDK's authenticated pipeline.
 */
final class SessionUpload {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final DriveApi api;
    private final int chunkSize;
    private final GraphRetry retry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SessionUpload(DriveApi api, int chunkSize, GraphRetry retry) {
        this.api = api;
        this.chunkSize = chunkSize;
        this.retry = retry;
    }

    /**
     * Uploads {@code total} bytes: {@code head} (the first {@code headLength}, already read) and then the rest
     * of {@code in}, reporting the bytes acknowledged after each range. Returns the committed item's id.
     */
    String upload(String parentId, String name, String description, byte[] head, int headLength, InputStream in,
                  long total, ProgressListener progress, String what) {
        UploadSession session = api.createUploadSession(parentId, name, description, what);
        String url = session.getUploadUrl();
        boolean done = false;
        try {
            byte[] chunk = new byte[(int) Math.min(chunkSize, Math.max(total, 1))];
            long sent = 0;
            int headUsed = 0;
            String itemId = null;
            while (sent < total) {
                int n = 0;
                int want = (int) Math.min(chunk.length, total - sent);
                int fromHead = Math.min(want, headLength - headUsed);
                System.arraycopy(head, headUsed, chunk, 0, fromHead);
                headUsed += fromHead;
                n += fromHead;
                while (n < want) {
                    int r = in.read(chunk, n, want - n);
                    if (r < 0) {
                        throw StorageException.invalidArgument("length", "the content ended after " + (sent + n)
                                + " bytes, but its length was given as " + total);
                    }
                    n += r;
                }
                itemId = putRangeResuming(url, parentId, name, chunk, n, sent, total, what);
                sent += n;
                if (progress != null) {
                    progress.onProgress(sent, total);
                }
            }
            if (in.read() >= 0) {
                throw StorageException.invalidArgument("length", "the content is longer than its given length "
                        + total);
            }
            done = true;
            return itemId;
        } catch (IOException e) {
            throw Streams.ioFailure("upload of " + what, e);
        } finally {
            if (!done) {
                cancel(url);
            }
        }
    }

    /**
     * PUTs one range, resuming after transient failures from what the session says it has; returns the item id
     * once the last range is in, else null.
     */
    private String putRangeResuming(String url, String parentId, String name, byte[] chunk, int n, long first,
                                    long total, String what) {
        int offset = 0;
        for (int attempt = 0; ; attempt++) {
            Attempt a = putRange(url, chunk, offset, n - offset, first + offset, total, what);
            if (a.failure == null) {
                return a.itemId;
            }
            if (attempt >= retry.maxRetries() || !GraphRetry.isTransient(a.failure)) {
                throw a.failure;
            }
            GraphRetry.pause(GraphRetry.delay(attempt, a.retryAfter));
            Long next = nextExpected(url, what);
            if (next == null) {
                // The session is gone: the last range arrived and committed the file before the answer was lost.
                if (first + n == total) {
                    return committedItem(parentId, name, total, what, a.failure);
                }
                throw a.failure;
            }
            if (next < first || next > first + n) {
                throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + " cannot resume: the session "
                        + "expects byte " + next + ", this range is " + first + "-" + (first + n - 1), a.failure);
            }
            if (next == first + n) {
                return null; // this range arrived; only its 202 was lost
            }
            offset = (int) (next - first);
        }
    }

    /** One PUT's outcome: the item id (last range), or null (202), or the failure with its Retry-After. */
    private record Attempt(String itemId, StorageException failure, String retryAfter) {
    }

    private Attempt putRange(String url, byte[] chunk, int from, int length, long first, long total, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + total)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk, from, length)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Attempt(null, new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what
                    + " failed at byte " + first + ": " + e.getClass().getSimpleName(), e, 0, null, null), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 202) {
            return new Attempt(null, null, null);
        }
        if (status == 200 || status == 201) {
            return new Attempt(JsonFields.string(response.body(), "id"), null, null);
        }
        String code = JsonFields.string(response.body(), "code");
        return new Attempt(null, new StorageException(GraphErrors.errorCode(status, code), "upload of " + what
                + " failed at byte " + first + ": " + status + (code == null ? "" : " " + code), null, status, code,
                null, HttpStatuses.errorCode(status).isRetryable()),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /**
     * The first byte the session still expects ({@code nextExpectedRanges}), or null if the session no longer
     * exists (404: completed, cancelled or expired).
     */
    private Long nextExpected(String url, String what) {
        for (int attempt = 0; ; attempt++) {
            StorageException failure;
            String retryAfter = null;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    return null;
                }
                if (r.statusCode() == 200) {
                    String range = JsonFields.firstString(r.body(), "nextExpectedRanges");
                    if (range != null && range.indexOf('-') > 0) {
                        return Long.parseLong(range.substring(0, range.indexOf('-')));
                    }
                    throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + ": the session status "
                            + "names no expected range");
                }
                failure = new StorageException(GraphErrors.errorCode(r.statusCode(), null), "status of the upload of "
                        + what + ": " + r.statusCode(), null, r.statusCode(), null, null);
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            } catch (IOException e) {
                failure = new StorageException(ErrorCode.UNAVAILABLE, "status of the upload of " + what + ": "
                        + e.getClass().getSimpleName(), e, 0, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + " was interrupted");
            }
            if (attempt >= retry.maxRetries() || !GraphRetry.isTransient(failure)) {
                throw failure;
            }
            GraphRetry.pause(GraphRetry.delay(attempt, retryAfter));
        }
    }

    /**
     * After the answer to the last range was lost and the session is gone: the file at the name if it has the
     * upload's size (the session committed it), else the original failure.
     */
    private String committedItem(String parentId, String name, long total, String what, StorageException failure) {
        com.microsoft.graph.models.DriveItem item = api.child(parentId, name, what);
        if (item != null && item.getFile() != null && item.getSize() != null && item.getSize() == total) {
            return item.getId();
        }
        throw failure;
    }

    private void cancel(String url) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The session expires by itself; the file was not changed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
