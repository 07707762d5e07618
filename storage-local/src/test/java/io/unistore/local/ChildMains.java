package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.io.InputStream;

/** The programs the multi-process tests run in child JVMs. */
final class ChildMains {
    private ChildMains() {
    }

    /** Uploads an endless stream to box/big, printing UPLOADING once bytes flow; the parent kills it. */
    static final class CrashingUpload {
        public static void main(String[] args) {
            try (StorageAccount account = Unistore.open("file:" + args[0])) {
                InputStream endless = new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        return (int) (sent++ & 0x7f);
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        for (int i = 0; i < len; i++) {
                            b[off + i] = (byte) ((sent + i) * 31);
                        }
                        sent += len;
                        if (sent > 64L * 1024 * 1024 && sent - len <= 64L * 1024 * 1024) {
                            System.out.println("UPLOADING " + sent);
                            System.out.flush();
                        }
                        return len;
                    }
                };
                account.blobs().upload("box", "big", endless, UploadOptions.defaults());
                System.out.println("FINISHED (should not happen)");
            }
        }
    }

    /** Increments counter (c, n) {@code args[1]} times with updateEntity + ifMatch, retrying stale ETags. */
    static final class Incrementer {
        public static void main(String[] args) {
            int times = Integer.parseInt(args[1]);
            int conflicts = 0;
            try (StorageAccount account = Unistore.open("file:" + args[0])) {
                TableStore tables = account.tables();
                for (int done = 0; done < times; ) {
                    TableEntity e = tables.getEntity("Counters", "c", "n");
                    try {
                        tables.updateEntity("Counters", e.toBuilder().put("n", e.getInt("n") + 1).build(),
                                UpdateMode.REPLACE, e.etag());
                        done++;
                    } catch (StorageException ex) {
                        if (ex.code() != ErrorCode.PRECONDITION_FAILED) {
                            throw ex;
                        }
                        conflicts++;
                    }
                }
            }
            System.out.println("DONE conflicts=" + conflicts);
        }
    }
}
