package io.unistore.msgraph;

import com.microsoft.graph.drives.item.items.item.DriveItemItemRequestBuilder;
import com.microsoft.graph.drives.item.items.item.children.ChildrenRequestBuilder;
import com.microsoft.graph.drives.item.items.item.content.ContentRequestBuilder;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionRequestBuilder;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.ItemReference;
import com.microsoft.graph.models.DriveItemCollectionResponse;
import com.microsoft.graph.models.DriveItemUploadableProperties;
import com.microsoft.graph.models.Folder;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drive-item calls, over the SDK's request builders on URLs this class writes: items by path
 * ({@code /drives/{d}/root:/a/b:}) and children of a parent by id ({@code /items/{id}:/name:}), so a missing
 * parent is a 404 (Graph creates missing folders for a path-addressed upload). Every failure is a
 * StorageException ({@link GraphErrors}).
 */
final class DriveApi {
    static final String CONFLICT_BEHAVIOR = "@microsoft.graph.conflictBehavior";
    private static final int PAGE = 200;

    private final GraphServiceClient client;
    private final GraphAddress address;
    private final GraphRetry retry;
    private volatile String driveId;

    DriveApi(GraphServiceClient client, GraphAddress address, GraphRetry retry) {
        this.client = client;
        this.address = address;
        this.retry = retry;
        this.driveId = address.driveId();
    }

    /** The retries this drive's calls make, for streams and uploads that resume. */
    GraphRetry retry() {
        return retry;
    }

    /** The drive's id, for a site address resolved once from {@code /sites/{id}/drive}. */
    String driveId() {
        String id = driveId;
        if (id == null) {
            id = retry.call("lookup of the document library of site " + address.siteId(),
                    () -> client.sites().bySiteId(address.siteId()).drive().get().getId());
            driveId = id;
        }
        return id;
    }

    private String drive() {
        return address.baseUrl() + "/drives/" + encode(driveId());
    }

    /** The URL of the item at a drive path ("" for the root). */
    String pathUrl(String path) {
        return path.isEmpty() ? drive() + "/root" : drive() + "/root:/" + encodePath(path) + ":";
    }

    private String childUrl(String parentId, String name) {
        return drive() + "/items/" + encode(parentId) + ":/" + encode(name) + ":";
    }

    private String idUrl(String itemId) {
        return drive() + "/items/" + encode(itemId);
    }

    private DriveItemItemRequestBuilder item(String url) {
        return new DriveItemItemRequestBuilder(url, client.getRequestAdapter());
    }

    /** The item at the path; NOT_FOUND if absent. */
    DriveItem get(String path) {
        return retry.call("read of " + path, () -> item(pathUrl(path)).get());
    }

    /** The item at the path, or null if absent. */
    DriveItem find(String path) {
        try {
            return get(path);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** The child of that name in a parent folder, or null if absent. */
    DriveItem child(String parentId, String name, String what) {
        try {
            return retry.call("read of " + what, () -> item(childUrl(parentId, name)).get());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** Every child of the folder at the path, following {@code @odata.nextLink}. */
    List<DriveItem> children(String path) {
        List<DriveItem> out = new ArrayList<>();
        String url = pathUrl(path) + "/children?$top=" + PAGE;
        while (url != null) {
            String next = url;
            DriveItemCollectionResponse page = retry.call("listing of " + (path.isEmpty() ? "the drive" : path),
                    () -> new ChildrenRequestBuilder(next, client.getRequestAdapter()).get());
            if (page.getValue() != null) {
                out.addAll(page.getValue());
            }
            url = page.getOdataNextLink();
        }
        return out;
    }

    /**
     * Creates a folder in a parent folder; ALREADY_EXISTS if the name is taken (conflict behaviour fail). A
     * creation whose answer was lost is retried; if the retry finds a folder of that name, that folder is taken
     * as the one the lost answer created (a creator racing us in that moment is not told apart).
     */
    DriveItem createFolder(String parentId, String name, String description, String what) {
        DriveItem folder = new DriveItem();
        folder.setName(name);
        folder.setFolder(new Folder());
        if (description != null) {
            folder.setDescription(description);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put(CONFLICT_BEHAVIOR, "fail");
        folder.setAdditionalData(extra);
        ChildrenRequestBuilder children = new ChildrenRequestBuilder(idUrl(parentId) + "/children",
                client.getRequestAdapter());
        for (int attempt = 0; ; attempt++) {
            try {
                return GraphErrors.call("creation of " + what, () -> children.post(folder));
            } catch (StorageException e) {
                if (attempt > 0 && e.code() == ErrorCode.ALREADY_EXISTS) {
                    DriveItem existing = retry.call("read of " + what, () -> item(childUrl(parentId, name)).get());
                    if (existing.getFolder() != null) {
                        return existing;
                    }
                }
                if (attempt >= retry.maxRetries() || !GraphRetry.isTransient(e)) {
                    throw e;
                }
                GraphRetry.pause(GraphRetry.delay(attempt, null));
            }
        }
    }

    /** Simple upload into a parent folder, replacing a file of that name. */
    DriveItem putContent(String parentId, String name, byte[] content, int length, String what) {
        String url = childUrl(parentId, name) + "/content?" + CONFLICT_BEHAVIOR + "=replace";
        return retry.call("upload of " + what, () -> new ContentRequestBuilder(url, client.getRequestAdapter())
                .put(new ByteArrayInputStream(content, 0, length)));
    }

    /**
     * The content of the file at the path, or a range of it; with {@code ifMatch}, only while the item still has
     * that eTag (PRECONDITION_FAILED otherwise), so a resumed download never mixes two versions.
     */
    InputStream content(String path, ByteRange range, String ifMatch) {
        ContentRequestBuilder content = new ContentRequestBuilder(pathUrl(path) + "/content", client.getRequestAdapter());
        return retry.call("download of " + path, () -> content.get(rc -> {
            if (range != null && !(range.offset() == 0 && range.isOpenEnded())) {
                rc.headers.add("Range", "bytes=" + range.offset() + "-" + (range.isOpenEnded() ? "" : range.lastByte()));
            }
            if (ifMatch != null) {
                rc.headers.add("If-Match", ifMatch);
            }
        }));
    }

    /** Sets an item's description (where its metadata lives) if its eTag is still {@code ifMatch}. */
    DriveItem patchDescription(String itemId, String description, String ifMatch, String what) {
        DriveItem patch = new DriveItem();
        patch.setDescription(description);
        return GraphErrors.call("metadata update of " + what, () -> item(idUrl(itemId)).patch(patch, rc -> {
            if (ifMatch != null) {
                rc.headers.add("If-Match", ifMatch);
            }
        }));
    }

    /**
     * Moves and renames an item in one PATCH ({@code parentReference}, {@code name}) if its eTag is still
     * {@code ifMatch}; {@code conflict} is {@code fail} or {@code replace} for an item already at the target.
     */
    DriveItem move(String itemId, String parentId, String name, String conflict, String ifMatch, String what) {
        DriveItem patch = new DriveItem();
        patch.setName(name);
        ItemReference parent = new ItemReference();
        parent.setId(parentId);
        patch.setParentReference(parent);
        String url = idUrl(itemId) + "?" + CONFLICT_BEHAVIOR + "=" + conflict;
        return GraphErrors.call("move of " + what, () -> item(url).patch(patch, rc -> {
            if (ifMatch != null) {
                rc.headers.add("If-Match", ifMatch);
            }
        }));
    }

    /** Deletes an item (a folder with its tree) if its eTag is still {@code ifMatch}. */
    void delete(String itemId, String ifMatch, String what) {
        GraphErrors.run("deletion of " + what, () -> item(idUrl(itemId)).delete(rc -> {
            if (ifMatch != null) {
                rc.headers.add("If-Match", ifMatch);
            }
        }));
    }

    /** An upload session for a file in a parent folder, replacing one of that name when it completes. */
    UploadSession createUploadSession(String parentId, String name, String description, String what) {
        DriveItemUploadableProperties item = new DriveItemUploadableProperties();
        if (description != null) {
            item.setDescription(description);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put(CONFLICT_BEHAVIOR, "replace");
        item.setAdditionalData(extra);
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        body.setItem(item);
        String url = childUrl(parentId, name) + "/createUploadSession";
        return retry.call("upload of " + what, () -> new CreateUploadSessionRequestBuilder(url,
                client.getRequestAdapter()).post(body));
    }

    /** A drive path as URL path segments, each percent-encoded (spaces as %20). */
    static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(encode(segment));
        }
        return b.toString();
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
