package io.unistore.mcp;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.ops.RangedContent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A blob or file an edit tool rewrites: read whole, as UTF-8 text, with the ETag it had; written back only while
 * it still has that ETag. A blob's read is pinned to the ETag and its write carries {@code ifMatch}, so two
 * concurrent edits give one winner and PRECONDITION_FAILED to the other, never a lost update. File shares have no
 * conditional write (Azure Files offers none): a file's ETag is checked again just before the write, which narrows
 * the window but does not close it.
 */
final class EditableText {
    private final String what;
    private final String text;
    private final String etag;
    private final Function<byte[], Written> writer;

    /** What a write left: the new ETag and size. */
    record Written(String etag, long size) {
    }

    private EditableText(String what, String text, String etag, Function<byte[], Written> writer) {
        this.what = what;
        this.text = text;
        this.etag = etag;
        this.writer = writer;
    }

    /** Reads a blob for editing; {@code ifMatch} (may be null) must be its ETag. */
    static EditableText ofBlob(BlobStore blobs, String container, String blob, String ifMatch, int limit) {
        BlobProperties p = blobs.getProperties(container, blob);
        String what = "blob '" + blob + "' in container '" + container + "'";
        checkEtag(what, p.etag(), ifMatch);
        checkSize("blob", what, p.size(), limit);
        byte[] bytes = p.size() == 0 ? new byte[0]
                : RangedContent.ofBlob(blobs, p, ReadOptions.defaults()).read(0, p.size());
        return new EditableText(what, decode("blob", what, bytes), p.etag(), content -> {
            UploadOptions o = UploadOptions.defaults().withContentType(p.contentType()).withMetadata(p.metadata())
                    .withConditions(p.etag() == null ? RequestConditions.none() : RequestConditions.ifMatch(p.etag()));
            try {
                var r = blobs.upload(container, blob, content, o);
                return new Written(r.etag(), content.length);
            } catch (StorageException e) {
                throw changed(e, what, p.etag());
            }
        });
    }

    /** Reads a file for editing; {@code ifMatch} (may be null) must be its ETag. */
    static EditableText ofFile(FileStore files, String share, String path, String ifMatch, int limit) {
        FileProperties p = files.getProperties(share, path);
        String what = "file '" + path + "' in share '" + share + "'";
        checkEtag(what, p.etag(), ifMatch);
        RangedContent content = RangedContent.ofFile(files, p);
        checkSize("path", what, p.size(), limit);
        byte[] bytes = p.size() == 0 ? new byte[0] : content.read(0, p.size());
        return new EditableText(what, decode("path", what, bytes), p.etag(), updated -> {
            checkEtag(what, files.getProperties(share, path).etag(), p.etag());
            FileProperties w = files.upload(share, path, updated, FileUploadOptions.builder()
                    .contentType(p.contentType()).metadata(p.metadata()).build());
            return new Written(w.etag(), updated.length);
        });
    }

    String what() {
        return what;
    }

    String text() {
        return text;
    }

    /** The ETag it was read with (null where the store has none). */
    String etag() {
        return etag;
    }

    /** Writes the new text, if the object still has the ETag it was read with. */
    Written write(String updated) {
        return writer.apply(updated.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkEtag(String what, String etag, String expected) {
        if (expected != null && !expected.equals(etag)) {
            throw new StorageException(ErrorCode.PRECONDITION_FAILED, what + " has changed: its ETag is " + etag
                    + ", not " + expected + "; nothing was written. Read it again and redo the edit");
        }
    }

    private static StorageException changed(StorageException e, String what, String etag) {
        if (e.code() != ErrorCode.PRECONDITION_FAILED) {
            return e;
        }
        return new StorageException(ErrorCode.PRECONDITION_FAILED, what + " changed while it was edited (it was "
                + "read with ETag " + etag + "); nothing was written. Read it again and redo the edit", e);
    }

    private static void checkSize(String field, String what, long size, int limit) {
        if (size > limit) {
            throw StorageException.invalidArgument(field, what + " is " + size + " bytes, over the edit limit of "
                    + limit + " (--max-inline-bytes); edit it locally (download-blob/upload-blob with localPath)");
        }
    }

    /** Strict UTF-8 without NUL bytes: the edit tools change text, never binary content. */
    private static String decode(String field, String what, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw StorageException.invalidArgument(field, what + " holds NUL bytes (binary content); the edit "
                        + "tools change UTF-8 text only");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw StorageException.invalidArgument(field, what + " is not valid UTF-8; the edit tools change UTF-8 "
                    + "text only");
        }
    }
}
