package io.unistore.gcp;

import com.google.api.core.ApiFuture;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The object a finished resumable upload created. {@code storage.writer()} returns a channel that knows it
 * ({@code StorageWriteChannel.getObject()}), but that interface is package-private in google-cloud-storage
 * 2.63, and the public {@code blobWriteSession()} that exposes the result does not retry failed chunks over
 * JSON. So the result is read from the channel reflectively; should a later SDK move it, the object's
 * metadata is read instead (exact unless another writer replaced the object in between).
 */
final class WriteOutcome {
    private static final Method GET_OBJECT = find();

    private WriteOutcome() {
    }

    private static Method find() {
        try {
            Method m = Class.forName("com.google.cloud.storage.StorageWriteChannel").getMethod("getObject");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static BlobInfo created(WriteChannel closedChannel, Supplier<BlobInfo> fallback) {
        if (GET_OBJECT != null && GET_OBJECT.getDeclaringClass().isInstance(closedChannel)) {
            try {
                Object future = GET_OBJECT.invoke(closedChannel);
                if (future instanceof ApiFuture<?> f && f.isDone() && f.get() instanceof BlobInfo info) {
                    return info;
                }
            } catch (ReflectiveOperationException | ExecutionException | RuntimeException e) {
                // fall back below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BlobInfo info = fallback.get();
        if (info == null) {
            throw io.unistore.StorageException.notFound("the object just uploaded");
        }
        return info;
    }
}
