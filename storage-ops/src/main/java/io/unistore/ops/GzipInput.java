package io.unistore.ops;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;

/**
 * Gzip compression as a stream to read from, so a blob can be compressed on its way to an upload without a
 * temporary file or a second thread: header, raw deflate, then a trailer computed once the content is read.
 */
final class GzipInput {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private GzipInput() {
    }

    /** The gzip form of {@code raw}; closing it closes {@code raw}. */
    static InputStream compress(InputStream raw) {
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        // A Deflater passed in is not ended by the stream: the trailer reads its count, then ends it.
        DeflaterInputStream body = new DeflaterInputStream(new CheckedInputStream(raw, crc), deflater, 64 * 1024);
        InputStream trailer = new InputStream() {
            private ByteArrayInputStream bytes;

            private ByteArrayInputStream bytes() {
                if (bytes == null) {
                    long crcValue = crc.getValue();
                    long size = deflater.getBytesRead();
                    deflater.end();
                    bytes = new ByteArrayInputStream(new byte[] {
                        (byte) crcValue, (byte) (crcValue >> 8), (byte) (crcValue >> 16), (byte) (crcValue >> 24),
                        (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
                }
                return bytes;
            }

            @Override
            public int read() {
                return bytes().read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes().read(b, off, len);
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(HEADER), body,
                trailer)));
    }
}
