package io.unistore.crypto;

import io.unistore.ByteRange;
import io.unistore.blob.ReadOptions;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingBlobBackend;
import io.unistore.spi.ForwardingFileBackend;
import io.unistore.spi.Layer;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A layer put below the encryption layer to see which stored ranges its reads ask for (null: the whole blob or file). */
final class RangeRecorder implements Layer {
    final List<ByteRange> reads = new CopyOnWriteArrayList<>();

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return new ForwardingBlobBackend(super.blobs()) {
                    @Override
                    public InputStream openInputStream(String container, String blob, ReadOptions options) {
                        reads.add(options.range());
                        return super.openInputStream(container, blob, options);
                    }
                };
            }

            @Override
            public FileBackend files() {
                return new ForwardingFileBackend(super.files()) {
                    @Override
                    public InputStream openInputStream(String share, String path, ByteRange range) {
                        reads.add(range);
                        return super.openInputStream(share, path, range);
                    }
                };
            }
        };
    }
}
