package io.unistore.queue;

/** The default instances of the options types of this package, made once. */
final class Defaults {
    static final SendMessageOptions SEND = SendMessageOptions.builder().build();
    static final ReceiveOptions RECEIVE = ReceiveOptions.builder().build();

    private Defaults() {
    }
}
