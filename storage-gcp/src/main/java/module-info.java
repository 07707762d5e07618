/** Google Cloud Storage as a BlobStore, over Google's official Java client. */
module io.unistore.gcp {
    requires io.unistore.api;
    requires google.cloud.storage;
    requires google.cloud.core;
    requires google.cloud.core.http;
    requires com.google.auth;
    requires com.google.auth.oauth2;
    requires gax;
    requires com.google.api.apicommon;
    requires com.google.api.client;
    requires org.slf4j;

    provides io.unistore.spi.StorageProvider with io.unistore.gcp.GcsProvider;
}
