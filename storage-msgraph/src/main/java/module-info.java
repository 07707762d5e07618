/** Microsoft Graph drives (OneDrive, SharePoint document libraries) as a FileStore, over Microsoft's Graph SDK. */
module io.unistore.msgraph {
    requires io.unistore.api;
    requires com.microsoft.graph;
    requires com.microsoft.graph.core;
    requires com.microsoft.kiota;
    requires com.azure.core;
    requires com.azure.identity;
    requires java.net.http;
    requires org.slf4j;

    provides io.unistore.spi.StorageProvider with io.unistore.msgraph.MsGraphProvider;
}
