package io.unistore.testsupport.msgraph;

/** A failure the stand-in answers with Graph's error JSON: {@code {"error":{"code","message","innerError"}}}. */
final class GraphError extends RuntimeException {
    final int status;
    final String code;

    GraphError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static GraphError notFound(String what) {
        return new GraphError(404, "itemNotFound", "The resource could not be found: " + what);
    }

    static GraphError nameExists(String name) {
        return new GraphError(409, "nameAlreadyExists", "The specified item name already exists. Name: " + name);
    }

    static GraphError invalid(String message) {
        return new GraphError(400, "invalidRequest", message);
    }

    static GraphError preconditionFailed() {
        return new GraphError(412, "resourceModified", "ETag does not match current item's value");
    }
}
