package io.unistore.testsupport.azurefiles;

/**
 * An error the stand-in answers with: HTTP status, Azure error code (sent as {@code x-ms-error-code} and in the
 * XML {@code <Error>} body) and message. Each factory cites the REST reference that defines the code.
 */
final class FilesError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    private FilesError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    // "Azure Files error codes" (rest/api/storageservices/file-service-error-codes).
    static FilesError shareNotFound() {
        return new FilesError(404, "ShareNotFound", "The specified share does not exist.");
    }

    static FilesError shareAlreadyExists() {
        return new FilesError(409, "ShareAlreadyExists", "The specified share already exists.");
    }

    static FilesError parentNotFound() {
        return new FilesError(404, "ParentNotFound", "The specified parent path does not exist.");
    }

    static FilesError directoryNotEmpty() {
        return new FilesError(409, "DirectoryNotEmpty", "The specified directory is not empty.");
    }

    // "Common REST API error codes" (rest/api/storageservices/common-rest-api-error-codes).
    static FilesError resourceNotFound() {
        return new FilesError(404, "ResourceNotFound", "The specified resource does not exist.");
    }

    static FilesError resourceAlreadyExists() {
        return new FilesError(409, "ResourceAlreadyExists", "The specified resource already exists.");
    }

    static FilesError authenticationFailed() {
        return new FilesError(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure "
                + "the value of the Authorization header is formed correctly including the signature.");
    }

    static FilesError missingRequiredHeader(String header) {
        return new FilesError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is "
                + "not specified: " + header);
    }

    static FilesError invalidHeaderValue(String header) {
        return new FilesError(400, "InvalidHeaderValue", "The value provided for one of the HTTP headers was not in "
                + "the correct format: " + header);
    }

    static FilesError invalidQueryParameterValue(String parameter) {
        return new FilesError(400, "InvalidQueryParameterValue", "An invalid value was specified for one of the "
                + "query parameters in the request URI: " + parameter);
    }

    static FilesError outOfRangeInput(String what) {
        return new FilesError(400, "OutOfRangeInput", "One of the request inputs is out of range: " + what);
    }

    static FilesError invalidRange() {
        return new FilesError(416, "InvalidRange", "The range specified is invalid for the current size of the "
                + "resource.");
    }

    static FilesError md5Mismatch() {
        return new FilesError(400, "Md5Mismatch", "The MD5 value specified in the request did not match the MD5 "
                + "value calculated by the server.");
    }

    static FilesError requestBodyTooLarge() {
        return new FilesError(413, "RequestBodyTooLarge", "The size of the request body exceeds the maximum size "
                + "permitted.");
    }

    static FilesError unsupportedHttpVerb() {
        return new FilesError(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.");
    }

    static FilesError invalidUri() {
        return new FilesError(400, "InvalidUri", "The requested URI does not represent any resource on the server.");
    }
}
