package io.streambench.driver;

/**
 * What the client strategies did to one attempt's text.
 *
 * @param flushes         flushes the flush strategy made (0 without one)
 * @param maxDisplayDelay longest time text waited between arrival and its flush, ns (-1 without one)
 * @param keptChars       characters the accumulator holds at the end (-1 without one)
 * @param truncated       whether the accumulator hit its limit
 */
public record ClientFigures(long flushes, long maxDisplayDelay, long keptChars, boolean truncated) {

    /** No strategies ran. */
    public static final ClientFigures NONE = new ClientFigures(0, -1, -1, false);
}
