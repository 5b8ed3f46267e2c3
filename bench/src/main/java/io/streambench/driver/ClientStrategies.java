package io.streambench.driver;

/**
 * Runs each stream's text through the chosen client-side flush and accumulation strategies and keeps
 * their figures (flushes, display delay, truncation). Without strategies every call is a no-op.
 */
final class ClientStrategies {

    private static final Session NONE = new Session() {
    };

    private final ClientOptions options;

    ClientStrategies(ClientOptions options) {
        this.options = options;
    }

    /** A fresh per-stream session (the shared no-op one when no strategy is chosen). */
    Session newSession() {
        return NONE;
    }

    ClientOptions options() {
        return options;
    }

    /** One stream's strategies; event loop only. */
    interface Session {
        /** Content text as it arrives (a view valid during the call). */
        default void onText(CharSequence text, long arrivalNanos) {
        }

        /** The stream ended. */
        default void end(long nowNanos) {
        }

        /** Records this stream's distributions (display delay) into the stage. */
        default void recordInto(StageMetrics metrics) {
        }

        /** This stream's figures for its row. */
        default ClientFigures figures() {
            return ClientFigures.NONE;
        }
    }
}
