package io.unistore.testsupport.msgraph;

import java.net.URLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents of Graph's drive API as the stand-in writes them: drive, driveItem, uploadSession. */
final class GraphJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GraphJson() {
    }

    static ObjectNode drive(GraphDrive drive) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("id", drive.id);
        d.put("driveType", "documentLibrary");
        d.put("name", "Documents");
        d.put("webUrl", "https://contoso.sharepoint.com/sites/standin/Shared%20Documents");
        d.putObject("quota").put("total", 1L << 40).put("used", drive.root.size()).put("state", "normal");
        return d;
    }

    static ObjectNode item(GraphDrive drive, DriveNode node) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", node.id);
        o.put("name", node.name);
        o.put("eTag", node.eTag());
        o.put("cTag", node.cTag());
        o.put("size", node.size());
        o.put("createdDateTime", timestamp(node.created));
        o.put("lastModifiedDateTime", timestamp(node.modified));
        if (node.description != null) {
            o.put("description", node.description);
        }
        o.put("webUrl", "https://contoso.sharepoint.com/sites/standin/Shared%20Documents/" + node.name);
        ObjectNode ref = o.putObject("parentReference");
        ref.put("driveId", drive.id);
        ref.put("driveType", "documentLibrary");
        if (node.parent != null) {
            ref.put("id", node.parent.id);
            ref.put("path", node.parent.pathForChildren(drive.id));
        }
        if (node == drive.root) {
            o.putObject("root");
        }
        if (node.folder) {
            o.putObject("folder").put("childCount", node.children.size());
        } else {
            o.putObject("file").put("mimeType", mimeType(node.name));
        }
        return o;
    }

    static ObjectNode sessionStatus(long received) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("expirationDateTime", timestamp(Instant.now().plus(1, ChronoUnit.DAYS)));
        o.putArray("nextExpectedRanges").add(received + "-");
        return o;
    }

    /** What Graph reports as {@code file.mimeType}: it goes by the name's extension. */
    static String mimeType(String name) {
        String guess = URLConnection.guessContentTypeFromName(name);
        return guess == null ? "application/octet-stream" : guess;
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
