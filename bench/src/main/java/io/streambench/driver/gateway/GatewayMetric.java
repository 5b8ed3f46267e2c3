package io.streambench.driver.gateway;

/** The pooled figures of a gateway run, each with its hlog file ({@code gateway_event_delay.hlog}...). */
enum GatewayMetric {
    /** The driver's send of a request to the mock's read of it (first upstream attempt). */
    SEND_TO_RECEIPT("send_to_receipt"),
    /** Per event: its arrival at the driver minus the mock's write of it. */
    EVENT_DELAY("event_delay"),
    /** The same for the event that held the first token. */
    FIRST_TOKEN_DELAY("first_token_delay"),
    /** Per gap between consecutive events: the client's gap minus the mock's, absolute. */
    JITTER("jitter");

    private final String label;

    GatewayMetric(String label) {
        this.label = label;
    }

    /** As in gateway_summary.csv and run.json. */
    String label() {
        return label;
    }

    /** The hlog file. */
    String file() {
        return "gateway_" + label + ".hlog";
    }
}
