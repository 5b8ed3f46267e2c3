package io.streambench.driver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One short line that says why an attempt failed, the same for attempts that failed the same way: the
 * status and the server's own words for an HTTP error ({@code HTTP 404 "Unknown request URL: POST /v1"}),
 * the driver's message otherwise. Used to count failures by message and in the fail-fast stop line.
 *
 * <pre>{@code
 * String line = ErrorSummary.of(row.error(), row.status(), row.message());
 * }</pre>
 *
 * In text that comes from the server (an error body, an error event), counts (four digits or more), fractions,
 * numbers with a unit, times and long hex or UUID ids are replaced by {@code #}, {@code <time>} and
 * {@code <id>}: a rate-limit message that quotes the tokens used and the wait ("Used 199766 ... try again in
 * 237ms") would otherwise be a new message every time.
 * The driver's own messages (addresses, timeouts) are kept as they are.
 */
public final class ErrorSummary {

    /** Longest summary; longer ones are cut and end in "...". */
    static final int MAX_CHARS = 160;

    private static final Pattern STATUS_PREFIX = Pattern.compile("^status=\\d+ ?");
    private static final Pattern CONTENT_TYPE = Pattern.compile("content-type=\"([^\";]*)");
    private static final Pattern MESSAGE_FIELD = Pattern.compile("\"(?:message|detail|error)\"\\s*:\\s*\"");
    private static final Pattern TITLE = Pattern.compile("(?i)<title>([^<]*)</title>");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX_ID = Pattern.compile("\\b[0-9a-fA-F]{16,}\\b");
    /**
     * A number that starts a word (not the 1 of /v1 or gpt-4o) and looks like a count or a time: four digits or
     * more, a fraction, or a unit right after it (237ms). Small plain integers (502 Bad Gateway, 20 seconds) stay.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![^\\s(\\[\"'=,])(?:\\d{4,}(?:\\.\\d+)?|\\d+\\.\\d+|\\d+(?=[A-Za-z]))");

    private ErrorSummary() {
    }

    /**
     * The summary of a failed attempt.
     *
     * @param status  the HTTP status, 0 when none arrived
     * @param message the attempt's error message as in requests.csv, or null
     */
    public static String of(ErrorClass error, int status, String message) {
        String text = message == null ? "" : message;
        return switch (error) {
            case HTTP_STATUS -> {
                String said = serverText(STATUS_PREFIX.matcher(text).replaceFirst(""));
                yield cut("HTTP " + status + (said.isEmpty() ? "" : " \"" + said + "\""));
            }
            case NOT_SSE -> {
                Matcher type = CONTENT_TYPE.matcher(text);
                String said = errorMessage(text);
                yield cut("HTTP " + status + " " + (type.find() ? type.group(1).trim() : "?")
                        + ", not text/event-stream" + (said == null ? "" : " \"" + normalise(said) + "\""));
            }
            case ERROR_EVENT -> cut(normalise(text));
            default -> cut(text);
        };
    }

    /** What the server said in an error body: its JSON error message, an HTML title, or the body itself. */
    private static String serverText(String body) {
        String said = errorMessage(body);
        if (said == null) {
            Matcher title = TITLE.matcher(body);
            said = title.find() ? title.group(1) : body;
        }
        return normalise(said.strip());
    }

    /** The first {@code "message"} (or {@code "detail"}, {@code "error"}) string of a JSON body, even a cut one. */
    private static String errorMessage(String body) {
        Matcher field = MESSAGE_FIELD.matcher(body);
        if (!field.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = field.end(); i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                if (e == 'u' && i + 4 < body.length()) {
                    try {
                        out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    } catch (NumberFormatException bad) {
                        out.append(e);
                    }
                } else {
                    out.append(e == 'n' || e == 'r' || e == 't' ? ' ' : e);
                }
            } else {
                out.append(c);
            }
        }
        String said = out.toString().strip();
        return said.isEmpty() ? null : said;
    }

    private static String normalise(String text) {
        String t = TIME.matcher(text).replaceAll("<time>");
        t = UUID.matcher(t).replaceAll("<id>");
        t = HEX_ID.matcher(t).replaceAll("<id>");
        return NUMBER.matcher(t).replaceAll("#");
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 3) + "...";
    }
}
