/** Runnable examples of the Unistore API and a small documented layer. */
module io.unistore.examples {
    requires io.unistore.api;

    exports io.unistore.examples;
}
