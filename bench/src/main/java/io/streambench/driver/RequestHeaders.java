package io.streambench.driver;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.streambench.driver.dialect.ApiAuth;
import io.streambench.mock.Version;

/** The headers every request of a run carries: host, JSON in, an event stream out, the User-Agent, the API's key. */
final class RequestHeaders {

    /** The User-Agent of every request: {@code streambench/} and the build's version. */
    static final String USER_AGENT = "streambench/" + Version.current();

    private RequestHeaders() {
    }

    /** The target's headers, made once per run; the user's {@code --header}s come last and win. */
    static HttpHeaders of(Target target) {
        HttpHeaders h = new DefaultHttpHeaders();
        boolean defaultPort = target.url().getPort() < 0;
        h.set(HttpHeaderNames.HOST, target.url().getHost() + (defaultPort ? "" : ":" + target.port()));
        h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
        h.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        ApiAuth.set(target.api(), target.apiKey(), h);
        target.headers().forEach(h::set);
        return h;
    }
}
