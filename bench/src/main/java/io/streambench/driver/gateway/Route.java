package io.streambench.driver.gateway;

/** Which way a tagged request went: through the gateway, straight to the mock (the baseline), or a fault probe. */
enum Route {
    /** Through the gateway: what is measured. */
    GATEWAY("gateway", 'g'),
    /** Straight to the mock at the same time and load: the driver's and the loopback's own share. */
    DIRECT("direct", 'd'),
    /** One request per fault, through the gateway, after the load. */
    FAULT("fault", 'f');

    private final String label;
    private final char letter;

    Route(String label, char letter) {
        this.label = label;
        this.letter = letter;
    }

    /** As written in reports. */
    String label() {
        return label;
    }

    /** Its letter in tag ids. */
    char letter() {
        return letter;
    }
}
