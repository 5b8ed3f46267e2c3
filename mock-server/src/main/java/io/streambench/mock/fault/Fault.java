package io.streambench.mock.fault;

/**
 * One fault: an action and its trigger.
 *
 * @param action what happens
 * @param trigger when
 * @param spec the text it was parsed from (counts {@code every} per spec, names it in messages)
 */
public record Fault(FaultAction action, Trigger trigger, String spec) {

    public Fault {
        if (action == null || trigger == null) {
            throw new IllegalArgumentException("a fault needs an action and a trigger");
        }
    }
}
