package io.streambench.cli;

import io.streambench.mock.UsageException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * When and as whom one driver process starts its load, so that several processes (on several machines
 * with synced clocks) begin together and their reports can be merged.
 *
 * <pre>{@code
 * Launch launch = new Launch(Launch.parseStartAt("2026-11-24T10:00:00Z", Clock.systemUTC()), null, System.getenv());
 * if (launch.await(() -> stopped)) { ... run ... }
 * }</pre>
 *
 * @param startAt     the agreed start, or null to start at once
 * @param driverId    this process's name in merged reports
 * @param driverIndex the Kubernetes Indexed Job completion index ({@code JOB_COMPLETION_INDEX}), or null
 */
public record Launch(Instant startAt, String driverId, Integer driverIndex) {

    /** A start this much in the past still starts (at once); more is an error. */
    public static final Duration TOLERANCE = Duration.ofSeconds(1);
    /** The environment variable Kubernetes sets in each pod of an Indexed Job. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{10,16}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern DRIVER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final long PARK_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    public Launch {
        if (driverId == null || !DRIVER_ID.matcher(driverId).matches()) {
            throw new UsageException("--driver-id must be 1-64 of [A-Za-z0-9._-], got " + driverId);
        }
    }

    /** Starts at once, named after this host and process. */
    public static Launch now() {
        return new Launch(null, null, System.getenv());
    }

    /**
     * @param driverId null for the default: the completion index when {@code JOB_COMPLETION_INDEX} is set,
     *                 else {@code <hostname>-<pid>}
     * @param env      the environment ({@code System.getenv()})
     */
    public Launch(Instant startAt, String driverId, Map<String, String> env) {
        this(startAt, driverId != null ? driverId : defaultDriverId(env), index(env));
    }

    private static Integer index(Map<String, String> env) {
        String value = env.get(INDEX_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(INDEX_VARIABLE + " must be an integer, got '" + value + "'");
        }
    }

    private static String defaultDriverId(Map<String, String> env) {
        Integer index = index(env);
        if (index != null) {
            return "index-" + index;
        }
        String host = env.get("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "host";
            }
        }
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        String pid = "-" + ProcessHandle.current().pid();
        return safe.substring(0, Math.min(safe.length(), 64 - pid.length())) + pid;
    }

    /**
     * Reads {@code --start-at}: an ISO-8601 instant with a zone or offset ({@code 2026-11-24T10:00:00Z}),
     * a local time of day ({@code 10:00}, {@code 10:00:00.250}: its next occurrence in the system zone), or
     * milliseconds since the epoch ({@code 1795514400000}). Throws UsageException with one line
     * for bad text or a time more than {@link #TOLERANCE} in the past.
     */
    public static Instant parseStartAt(String text, Clock clock) {
        String value = text.trim();
        Instant now = clock.instant();
        Instant at;
        try {
            if (EPOCH_MILLIS.matcher(value).matches()) {
                at = Instant.ofEpochMilli(Long.parseLong(value));
            } else if (TIME_OF_DAY.matcher(value).matches()) {
                LocalTime time = LocalTime.parse(value.indexOf(':') == 1 ? "0" + value : value);
                ZonedDateTime today = ZonedDateTime.of(LocalDate.now(clock), time, clock.getZone());
                at = today.toInstant();
                if (at.isBefore(now.minus(TOLERANCE))) {
                    at = today.plusDays(1).toInstant();
                }
            } else {
                at = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new UsageException("--start-at '" + text + "' is not a time: use an ISO-8601 instant "
                    + "(2026-11-24T10:00:00Z), a time of day (10:00:00) or epoch milliseconds");
        }
        if (at.isBefore(now.minus(TOLERANCE))) {
            throw new UsageException("--start-at " + at + " is " + Duration.between(at, now).toMillis()
                    + " ms in the past (now " + now + ")");
        }
        return at;
    }

    /**
     * Sleeps until {@link #startAt()} (at once without one). Returns false if {@code stopped} became true
     * first (checked every 100 ms). Throws UsageException if the start passed by more than
     * {@link #TOLERANCE} before the wait began (setup took too long).
     */
    public boolean await(BooleanSupplier stopped) {
        if (startAt == null) {
            return !stopped.getAsBoolean();
        }
        long lateMillis = Duration.between(startAt, Instant.now()).toMillis();
        if (lateMillis > TOLERANCE.toMillis()) {
            throw new UsageException("--start-at " + startAt + " passed " + lateMillis
                    + " ms before setup ended; choose a later time");
        }
        // The wall clock is read again on every slice, so a clock step (NTP) while waiting is followed.
        Duration remaining;
        while (!(remaining = Duration.between(Instant.now(), startAt)).isNegative() && !remaining.isZero()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            // compared as Durations: toNanos() overflows for a start centuries ahead
            LockSupport.parkNanos(remaining.compareTo(Duration.ofNanos(PARK_SLICE_NANOS)) < 0 ? remaining.toNanos()
                    : PARK_SLICE_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !stopped.getAsBoolean();
    }
}
