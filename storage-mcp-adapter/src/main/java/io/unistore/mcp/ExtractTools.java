package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.ReadOptions;
import io.unistore.content.Redaction;
import io.unistore.content.TextExtraction;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * extract-text and extract-file-text: the text of Word, Excel, PowerPoint, PDF, HTML and other documents, with
 * Apache Tika (storage-content's {@link TextExtraction}), streamed from the store, bounded in characters out.
 */
final class ExtractTools implements ToolProvider {
    static final int DEFAULT_MAX_CHARS = 100_000;
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    @Override
    public List<McpTool> tools() {
        return List.of(tool(true), tool(false));
    }

    private static McpTool tool(boolean blob) {
        String noun = blob ? "blob" : "path";
        ToolSchema.ObjectBuilder in = DescribeTools.oneObject(blob);
        in.optional("maxChars", integer("The most characters of text returned (default " + DEFAULT_MAX_CHARS
                        + ", at most the inline limit)", 1, Integer.MAX_VALUE))
                .optional("maxBytes", integer("The largest document read, in bytes (default 64 MiB)", 1, 1L << 34))
                .optional("redact", Redact.OPTION);
        return McpTool.builder(blob ? "extract-text" : "extract-file-text")
                .requires(blob ? Capability.BLOBS : Capability.FILES).readOnly()
                .title(blob ? "Extract the text of a document blob" : "Extract the text of a document file")
                .touches(blob ? Touch.reads(NameKind.CONTAINER, "container") : Touch.reads(NameKind.SHARE, "share"))
                .description("The text of a document " + (blob ? "blob" : "file") + ": Word, Excel and PowerPoint "
                        + "(docx, xlsx, pptx and the older doc, xls, ppt), PDF, HTML, OpenDocument, RTF, e-mail or "
                        + "plain text, by Apache Tika, streamed from the store. At most maxChars characters come back "
                        + "(truncated=true when the document has more); documents over maxBytes are refused. "
                        + "redact=true masks personal and secret data in the text. Images and archives have no text "
                        + "(UNSUPPORTED); scanned PDFs are not OCRed.")
                .input(in.build())
                .output(ToolSchema.object().required(noun, string("The document"))
                        .required("type", string("The type it was read as"))
                        .required("title", nullable(string("Its title, when it has one")))
                        .required("text", string("Its text"))
                        .required("chars", integer("Characters returned"))
                        .required("truncated", bool("Whether the document has more text than maxChars"))
                        .required("size", integer("The document's size in bytes")).build())
                .handler(call -> {
                    String name = call.string(noun);
                    long size;
                    Supplier<InputStream> open;
                    if (blob) {
                        var blobs = call.account().blobs();
                        String container = call.container("container");
                        size = blobs.getProperties(container, name).size();
                        open = () -> blobs.openInputStream(container, name, ReadOptions.defaults());
                    } else {
                        var files = call.account().files();
                        String share = call.share("share");
                        var p = files.getProperties(share, name);
                        if (p.directory()) {
                            throw new StorageException(ErrorCode.CONFLICT, "path: '" + name + "' is a directory");
                        }
                        size = p.size();
                        open = () -> files.openInputStream(share, name, null);
                    }
                    long maxBytes = call.has("maxBytes") ? ((Number) call.arguments().get("maxBytes")).longValue()
                            : DEFAULT_MAX_BYTES;
                    if (size > maxBytes) {
                        throw StorageException.invalidArgument("maxBytes", "the document is " + size + " bytes, over "
                                + maxBytes + "; raise maxBytes to read it");
                    }
                    int maxChars = call.integer("maxChars", Math.min(DEFAULT_MAX_CHARS, call.maxInlineBytes()));
                    if (maxChars > call.maxInlineBytes()) {
                        throw StorageException.invalidArgument("maxChars", maxChars + " is over the inline limit of "
                                + call.maxInlineBytes());
                    }
                    TextExtraction.Result r;
                    try (InputStream stream = open.get()) {
                        r = TextExtraction.extract(stream, name, maxChars, name);
                    } catch (IOException e) {
                        throw new StorageException(ErrorCode.UNAVAILABLE, "reading " + name + " failed: "
                                + e.getMessage(), e);
                    }
                    String text = Redact.asked(call.arguments()) ? Redaction.redact(r.text()) : r.text();
                    return Out.of().put(noun, name).put("type", r.type()).put("title", r.title()).put("text", text)
                            .put("chars", text.length()).put("truncated", r.truncated()).put("size", size).build();
                }).build();
    }
}
