package io.streambench.mock;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A constant that users choose by name (on a command line, in a benchmark parameter, in run.json): its
 * {@link #label()} is the constant's name in lower case with {@code -} for {@code _} ({@code READ_BATCH} is
 * {@code read-batch}).
 *
 * <pre>
 * enum Policy implements Choice { IMMEDIATE, READ_BATCH }
 * Policy p = Choice.named(Policy.class, "flush policy", "read-batch");   // READ_BATCH
 * </pre>
 */
public interface Choice {

    /** The constant's name ({@link Enum#name()}). */
    String name();

    /** The name users write. */
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} labelled {@code label}.
     *
     * @param what what the constants are, for the error ({@code "flush policy"})
     * @throws UsageException naming the known labels, for an unknown one
     */
    static <E extends Enum<E> & Choice> E named(Class<E> type, String what, String label) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new UsageException("unknown " + what + "=" + label + ", known=" + labels(type));
    }

    /** Every label of {@code type}, in the order of its constants. */
    static <E extends Enum<E> & Choice> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    }
}
