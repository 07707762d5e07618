package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.TableStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit's table contract on the local provider through the encryption layer, encrypting the
 * properties the kit round-trips without filtering on them: every EDM type of its all-types entity (but the 30,000
 * character string and the 60 KiB binary, which the sealed form's base64 would take past the service's 64 KiB per
 * property), negative zero, and a selected property.
 */
class LocalEncryptedTableTckTest extends TableStoreContract {
    static final String PROPERTIES = "*.S,*.SUnicode,*.SEmpty,*.I32Min,*.I32Max,*.I32Zero,*.I64Min,*.I64Max,"
            + "*.I64Small,*.DNaN,*.DPosInf,*.DNegInf,*.DMin,*.DMax,*.DTenth,*.BTrue,*.BFalse,*.T100ns,*.TEpoch,*.TOld,"
            + "*.BinEmpty,*.BinSmall,*.G,*.Z,*.C";

    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.builder().address("file:" + dir.resolve("tables"))
                .layer(EncryptionLayer.of(TestKeys.create("tables")).encryptingTableProperties(PROPERTIES)).open();
    }
}
