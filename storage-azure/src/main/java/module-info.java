/** Azure Storage (Blob, Table, Queue, Files) and Azure Service Bus queues over Microsoft's official Java SDKs. */
module io.unistore.azure {
    requires io.unistore.api;
    requires com.azure.core;
    requires com.azure.storage.common;
    requires com.azure.storage.blob;
    requires com.azure.storage.blob.batch;
    requires com.azure.data.tables;
    requires com.azure.storage.queue;
    requires com.azure.storage.file.share;
    requires com.azure.identity;
    requires com.azure.messaging.servicebus;
    requires com.azure.core.amqp;
    requires org.slf4j;
    requires reactor.core;

    provides io.unistore.spi.StorageProvider with io.unistore.azure.AzureProvider,
            io.unistore.azure.ServiceBusProvider;
}
