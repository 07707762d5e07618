package io.unistore.bench.large;

import java.nio.file.Path;

/** One way of moving a large object up and down: Unistore, or an SDK with some settings. */
interface Transfer extends AutoCloseable {
    void upload(Path file, String container, String blob) throws Exception;

    void download(String container, String blob, Path file) throws Exception;

    void delete(String container, String blob) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
