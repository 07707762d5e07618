package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last access time the local provider keeps: the later of the last write and a read recorded once a day. */
class BlobLastAccessLocalTest {
    @TempDir
    Path dir;
    StorageAccount account;
    BlobStore blobs;

    @BeforeEach
    void open() {
        account = Unistore.open("file:" + dir);
        blobs = account.blobs();
        blobs.createContainer("box");
    }

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void aReadIsRecordedOnceADayAndShownByPropertiesAndListings() throws Exception {
        blobs.upload("box", "a", new byte[] {1, 2, 3});
        BlobProperties written = blobs.getProperties("box", "a");
        assertThat(written.lastAccessedOn()).as("never read: the write").isEqualTo(written.lastModified());

        Thread.sleep(5);
        Instant beforeRead = Instant.now();
        try (InputStream in = blobs.openInputStream("box", "a", null)) {
            assertThat(in.readAllBytes()).hasSize(3);
        }
        Instant read = blobs.getProperties("box", "a").lastAccessedOn();
        assertThat(read).isAfterOrEqualTo(beforeRead).isAfter(written.lastModified());
        assertThat(listed("a").lastAccessedOn()).isEqualTo(read);
        assertThat(blobs.getProperties("box", "a").lastAccessedOn()).as("a property read is no access")
                .isEqualTo(read);

        blobs.downloadBytes("box", "a");
        assertThat(blobs.getProperties("box", "a").lastAccessedOn()).as("read again the same day").isEqualTo(read);

        backdateReads(Duration.ofDays(2));
        Instant backdated = blobs.getProperties("box", "a").lastAccessedOn();
        assertThat(backdated).as("a read older than the write shows the write").isEqualTo(written.lastModified());
        blobs.downloadBytes("box", "a");
        assertThat(blobs.getProperties("box", "a").lastAccessedOn()).as("a day later the read counts again")
                .isAfter(read);
    }

    @Test
    void aSnapshotReadIsNoAccessAndADeletedBlobsReadIsForgotten() throws Exception {
        blobs.upload("box", "b", new byte[] {1});
        String snapshot = blobs.createSnapshot("box", "b", null);
        blobs.openInputStream("box", "b", ReadOptions.defaults().withSnapshot(snapshot)).close();
        assertThat(rows()).isZero();
        blobs.downloadBytes("box", "b");
        assertThat(rows()).isOne();
        blobs.delete("box", "b");
        assertThat(rows()).isZero();
        blobs.upload("box", "b", new byte[] {2});
        BlobProperties again = blobs.getProperties("box", "b");
        assertThat(again.lastAccessedOn()).isEqualTo(again.lastModified());
        blobs.downloadBytes("box", "b");
        blobs.deleteContainer("box");
        assertThat(rows()).isZero();
    }

    private BlobProperties listed(String name) {
        return blobs.list("box").stream().filter(i -> i.name().equals(name)).map(BlobItem::properties)
                .findFirst().orElseThrow();
    }

    private void backdateReads(Duration by) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE blob_access SET accessed = accessed - " + by.toNanos());
        }
    }

    private long rows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM blob_access")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
