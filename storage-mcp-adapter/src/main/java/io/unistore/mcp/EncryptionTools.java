package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ProgressListener;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.crypto.EncryptionLayer;
import io.unistore.crypto.EncryptionLayerFactory;
import io.unistore.crypto.KeyRotation;
import io.unistore.crypto.KeySource;
import io.unistore.crypto.RotationReport;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * rotate-encryption-keys: the key rotation of storage-crypto ({@link KeyRotation}) on a container, share or table of
 * an account whose options name the encryption layer ({@code layers: encryption}). Served only on such accounts.
 */
final class EncryptionTools implements ToolProvider {
    static final String NOT_ENCRYPTED = "it has no encryption layer; add layers: encryption and encryption.* options "
            + "to its options in the config file (see storage-crypto's README)";
    private static final int MAX_LIMIT = 100_000;

    @Override
    public List<McpTool> tools() {
        return List.of(rotate());
    }

    /** Whether an account opened with these options has the encryption layer. */
    static boolean encrypted(Map<String, String> options) {
        return layers(options).contains("encryption");
    }

    private static Set<String> layers(Map<String, String> options) {
        String layers = options.get(Unistore.LAYERS_OPTION);
        return layers == null ? Set.of() : Arrays.stream(layers.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static McpTool rotate() {
        Map<String, Object> failure = ToolSchema.object().required("blob", string("The item: a blob's name, a "
                        + "file's path, or an entity as PartitionKey/RowKey"))
                .required("code", string("The error code (PERMISSION_DENIED: its key is not in the key source)"))
                .required("message", string("What went wrong, naming the key id")).build();
        return McpTool.builder("rotate-encryption-keys").title("Rotate encryption keys").requires(Capability.BLOBS)
                .writes(false, true).servedWhere(EncryptionTools::encrypted, NOT_ENCRYPTED)
                .touches(Touch.writes(NameKind.CONTAINER, "container").when(a -> a.get("container") != null),
                        Touch.writes(NameKind.SHARE, "share").when(a -> a.get("share") != null),
                        Touch.writes(NameKind.TABLE, "table").when(a -> a.get("table") != null))
                .description("After a new key-encryption key version became primary (a rotated keyset), move a "
                        + "container's encrypted blobs, a share's encrypted files (the whole tree) or a table's "
                        + "encrypted property values to it: give exactly one of container, share, table. mode "
                        + "rewrap (default) unwraps each item's content key with the key version it names and wraps "
                        + "it with the primary one: one metadata write per blob or file (one merge per entity), the "
                        + "content is not rewritten. mode reencrypt writes every item anew under a fresh content key "
                        + "(when a content key itself may be exposed; also encrypts plain blobs and files, and plain "
                        + "values of the properties the account encrypts). Items already under the primary key are "
                        + "skipped, so running it again is harmless; an item that fails (e.g. its key version is "
                        + "gone) is named and the rotation goes on. limit bounds one call; pass continuationToken "
                        + "back to resume. Served on accounts with the encryption layer.")
                .input(ToolSchema.object().optional("container", Args.CONTAINER)
                        .optional("share", Args.SHARE)
                        .optional("table", Args.TABLE)
                        .optional("prefix", string("Only blobs whose names start with this; for a share, files "
                                + "whose paths do; for a table, entities whose PartitionKeys do"))
                        .optional("mode", oneOf("rewrap (default): re-wrap the content keys, content untouched; "
                                + "reencrypt: rewrite every item under a fresh content key", List.of("rewrap",
                                "reencrypt")))
                        .optional("continuationToken", ToolSchema.name("The continuationToken of an earlier call "
                                + "(limited or interrupted), to resume after the last item it examined"))
                        .optional("limit", integer("Items to examine in this call at most (default: all)", 1,
                                MAX_LIMIT)).build())
                .output(ToolSchema.object().required("mode", string("rewrap or reencrypt"))
                        .required("examined", integer("Items (blobs, files or entities) looked at by this call"))
                        .required("rewrapped", integer("Items now under the primary key (rewritten, for reencrypt)"))
                        .required("alreadyCurrent", integer("Items already under the primary key, skipped"))
                        .required("unencrypted", integer("Items stored without encryption (entities: without an "
                                + "encrypted value), skipped (rewrap)"))
                        .required("failed", integer("Items that could not be rotated"))
                        .required("failures", array("The first " + RotationReport.MAX_FAILURES + " of them",
                                failure))
                        .required("primaryKeyId", string("The key version items are now wrapped by"))
                        .required("continuationToken", nullable(string("Pass it back to continue; null when the "
                                + "whole container, share or table is done")))
                        .required("complete", bool("Whether the whole container, share or table is done")).build())
                .handler(EncryptionTools::run).build();
    }

    private static Map<String, Object> run(ToolCall call) {
        String container = call.optionalString("container") == null ? null : call.container("container");
        String share = call.optionalString("share") == null ? null : call.share("share");
        String table = call.optionalString("table") == null ? null : call.table("table");
        if ((container == null ? 0 : 1) + (share == null ? 0 : 1) + (table == null ? 0 : 1) != 1) {
            throw StorageException.invalidArgument("container/share/table", "give exactly one of them");
        }
        String mode = call.optionalString("mode") == null ? "rewrap" : call.optionalString("mode");
        ProgressListener listener = call.progress(call.toolName());
        // The listener throws once the client cancelled: that stops the rotation after the item in hand.
        KeyRotation.Options options = new KeyRotation.Options(call.optionalString("prefix"), 0,
                call.optionalString("continuationToken"), call.integer("limit", 0),
                r -> listener.onProgress(r.examined(), -1));
        Map<String, String> accountOptions = ((ToolInvocation) call).accountOptions();
        EncryptionLayer layer = (EncryptionLayer) new EncryptionLayerFactory().create(own(accountOptions,
                "encryption"));
        RotationReport r;
        // The keyset file as it is now (the account's layer holds the keys it loaded at start), on the account
        // without its layers: a re-wrap rewrites the encryptiondata metadata the encryption layer hides.
        String address = ((ToolInvocation) call).accountAddress();
        Unistore.Builder below = Unistore.builder().address(address).options(withoutLayers(accountOptions));
        if (mode.equals("reencrypt")) {
            try (StorageAccount encrypted = below.layer(layer).open()) {
                r = container != null ? KeyRotation.reencrypt(encrypted, container, options)
                        : share != null ? KeyRotation.reencryptFiles(encrypted, share, options)
                        : KeyRotation.reencryptTable(encrypted, table, options);
            }
        } else {
            try (StorageAccount raw = below.open()) {
                KeySource keys = layer.keySource();
                r = container != null ? KeyRotation.rewrap(raw, keys, container, options)
                        : share != null ? KeyRotation.rewrapFiles(raw, keys, share, options)
                        : KeyRotation.rewrapTable(raw, keys, table, options);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode);
        out.put("examined", r.examined());
        out.put("rewrapped", r.rewrapped());
        out.put("alreadyCurrent", r.alreadyCurrent());
        out.put("unencrypted", r.unencrypted());
        out.put("failed", r.failed());
        out.put("failures", r.failures().stream().map(f -> Map.of("blob", f.blob(), "code", f.code().name(),
                "message", f.message())).toList());
        out.put("primaryKeyId", layer.keySource().primary().keyId());
        out.put("continuationToken", r.continuationToken());
        out.put("complete", r.continuationToken() == null);
        return out;
    }

    /** A layer's own options, its prefix removed (as the layer factory gets them). */
    private static Map<String, String> own(Map<String, String> options, String layer) {
        Map<String, String> own = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith(layer + ".")) {
                own.put(k.substring(layer.length() + 1), v);
            }
        });
        return own;
    }

    /** The provider's options alone: no layers, none of their options. */
    private static Map<String, String> withoutLayers(Map<String, String> options) {
        Set<String> layers = layers(options);
        Map<String, String> out = new LinkedHashMap<>(options);
        out.keySet().removeIf(k -> k.equals(Unistore.LAYERS_OPTION) || layers.stream().anyMatch(l -> k.startsWith(
                l + ".")));
        return out;
    }
}
