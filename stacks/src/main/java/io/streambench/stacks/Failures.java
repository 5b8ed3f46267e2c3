package io.streambench.stacks;

import io.streambench.client.stack.StreamEvents.Failure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** How a stack's exception is reported: the first cause that says more than "I/O failed". */
final class Failures {

    private Failures() {
    }

    static Failure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return Failure.TLS;
            }
            if (t instanceof ConnectException) {
                String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                return text.contains("refused") ? Failure.REFUSED : Failure.CONNECT;
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return Failure.CONNECT;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                return Failure.CONNECT;
            }
        }
        return Failure.RESET;
    }

    /** One line: the innermost cause's class and message. */
    static String line(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.replaceAll("\\s+", " ").strip();
    }
}
