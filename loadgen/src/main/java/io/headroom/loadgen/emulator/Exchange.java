package io.headroom.loadgen.emulator;

/**
 * One HTTP request waiting for its answer. {@link #answer} may be called from any thread, once;
 * the connection writes the response on its own thread, in request order.
 */
interface Exchange {
    void answer(int status, String jsonBody);
}
