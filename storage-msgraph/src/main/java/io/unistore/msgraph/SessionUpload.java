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
 * previous content stays. Upload URLs are pre-authenticated and on other hosts than Graph: they get no token,
 * so they are sent with the JDK's client rather than through the SDK's authenticated pipeline.
 */
final class SessionUpload {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final DriveApi api;
    private final int chunkSize;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SessionUpload(DriveApi api, int chunkSize) {
        this.api = api;
        this.chunkSize = chunkSize;
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
                itemId = putRange(url, chunk, n, sent, total, what);
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

    /** PUTs one range; returns the item id once the last range is in (201/200), else null (202). */
    private String putRange(String url, byte[] chunk, int n, long first, long total, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Range", "bytes " + first + "-" + (first + n - 1) + "/" + total)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk, 0, n)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + " failed at byte " + first + ": "
                    + e.getClass().getSimpleName(), e, 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "upload of " + what + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 202) {
            return null;
        }
        if (status == 200 || status == 201) {
            return JsonFields.string(response.body(), "id");
        }
        String code = JsonFields.string(response.body(), "code");
        throw new StorageException(GraphErrors.errorCode(status, code), "upload of " + what + " failed at byte "
                + first + ": " + status + (code == null ? "" : " " + code), null, status, code, null,
                HttpStatuses.errorCode(status).isRetryable());
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
