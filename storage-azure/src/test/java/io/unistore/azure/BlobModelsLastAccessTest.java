package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Azure reports the last access time only with last access time tracking on (Azurite never does), so its mapping
 * is checked as data: the listing's time becomes {@code lastAccessedOn}, and an absent one stays absent.
 */
class BlobModelsLastAccessTest {
    @Test
    void theListedLastAccessTimeIsKeptAndAnAbsentOneStaysNull() {
        OffsetDateTime modified = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        OffsetDateTime accessed = OffsetDateTime.of(2026, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC);
        BlobItem tracked = new BlobItem().setName("a").setProperties(new BlobItemProperties()
                .setLastModified(modified).setLastAccessedTime(accessed).setContentLength(3L));
        assertThat(BlobModels.properties("c", tracked).lastAccessedOn())
                .isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        BlobItem untracked = new BlobItem().setName("b").setProperties(new BlobItemProperties()
                .setLastModified(modified).setContentLength(3L));
        assertThat(BlobModels.properties("c", untracked).lastAccessedOn()).isNull();
        assertThat(BlobModels.properties("c", untracked).lastModified()).isEqualTo(modified.toInstant());
    }
}
