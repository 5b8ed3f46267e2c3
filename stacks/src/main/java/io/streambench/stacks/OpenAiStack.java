package io.streambench.stacks;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import io.streambench.client.Api;
import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.TokenUsage;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code openai}: the official OpenAI Java SDK 4.101 ({@code com.openai:openai-java}), its asynchronous streaming
 * call as its README shows: {@code client.chat().completions().createStreaming(params).subscribe(handler)} on an
 * {@link OpenAIOkHttpClientAsync}. The SDK parses the stream itself (its SSE reader and Jackson model classes) and
 * calls the handler on its stream-handler executor (a cached pool: a thread per open stream), after OkHttp's
 * dispatcher (the SDK's own: 64 requests, per host too) delivered the response head.
 *
 * <p>As shipped, but for one setting: {@code maxRetries(0)}, because the driver retries by its own policy for
 * every stack alike. The request's JSON body is read into the SDK's own parameters ({@link
 * ChatCompletionCreateParams.Body}); the API key and the mock's headers go as the request's additional headers.
 * The SDK shows neither the response head nor the SSE comments nor {@code [DONE]}: an OkHttp interceptor on the
 * SDK's client ({@link OkHttpTap}) reports the head as OkHttp read it, and reads stamps and {@code [DONE]} from the
 * body bytes. Chat completions only: the SDK's other streams are other calls.
 */
public final class OpenAiStack implements ClientStack {

    private static final String CHAT_PATH = "/chat/completions";

    /** Registered for {@link java.util.ServiceLoader}: {@code openai}. */
    public static final class Provider implements ClientStackProvider {
        @Override
        public String name() {
            return "openai";
        }

        @Override
        public String description() {
            return "OpenAI Java SDK 4.101, async createStreaming: its own SSE reader and models, a thread per stream";
        }

        @Override
        public boolean usesParser() {
            return false;
        }

        @Override
        public boolean seesComments() {
            return false;
        }

        @Override
        public Set<Api> apis() {
            return Set.of(Api.CHAT);
        }

        @Override
        public ClientStack create(StackSettings settings) {
            return new OpenAiStack();
        }
    }

    /** One SDK client per base URL, as an application has one per endpoint. */
    private final Map<String, OpenAIClientAsync> clients = new ConcurrentHashMap<>();
    private final OkHttpTap tap = new OkHttpTap();

    OpenAiStack() {
    }

    @Override
    public OpenStream open(StreamRequest request, StreamEvents events) {
        if (request.api() != Api.CHAT) {
            throw new IllegalArgumentException("the openai stack streams chat completions only, not " + request.api());
        }
        String url = request.url().toString();
        if (!url.endsWith(CHAT_PATH)) {
            throw new IllegalArgumentException("the OpenAI SDK posts to <base URL>" + CHAT_PATH + "; the URL " + url
                    + " does not end with it");
        }
        String base = url.substring(0, url.length() - CHAT_PATH.length());
        OpenAIClientAsync client = clients.computeIfAbsent(base, b -> OpenAIOkHttpClientAsync.builder()
                .baseUrl(b)
                // the key a request carries (Authorization among its headers) replaces this one
                .apiKey("streambench")
                .maxRetries(0)
                .addInterceptor(tap)
                .build());
        ChatCompletionCreateParams.Body body;
        try {
            body = ObjectMappers.jsonMapper().readValue(request.body(), ChatCompletionCreateParams.Body.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the request body is no chat completions request: " + e.getMessage(), e);
        }
        Handler handler = new Handler(events);
        String watch = tap.register(new OkHttpTap.Watch(events, handler.lines, true));
        handler.watch = watch;
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().body(body);
        request.headers().forEach(params::putAdditionalHeader);
        params.putAdditionalHeader(OkHttpTap.HEADER, watch);
        AsyncStreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params.build()).subscribe(handler);
        return () -> {
            handler.cancelled = true;
            tap.forget(watch);
            stream.close();
        };
    }

    @Override
    public void close() {
        clients.values().forEach(OpenAIClientAsync::close);
    }

    /** One stream's handler, on the SDK's stream-handler executor. */
    private final class Handler implements AsyncStreamResponse.Handler<ChatCompletionChunk> {
        private final StreamEvents events;
        /** Stamps and [DONE] from the bytes: the SDK hides both. */
        final BodyLines lines = new BodyLines();
        String watch;
        /** Cancelled: the end of the stream that follows (the SDK ends it quietly) is not the answer's end. */
        volatile boolean cancelled;

        Handler(StreamEvents events) {
            this.events = events;
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            long now = System.nanoTime();
            long stamp = lines.nextStamp();
            if (stamp != SendStamps.NONE) {
                events.onSendStamp(stamp, now);
            }
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                int index = (int) choice.index();
                ChatCompletionChunk.Choice.Delta delta = choice.delta();
                delta.role().ifPresent(role -> events.onRole(index, role.asString(), now));
                text(delta._additionalProperties().get("reasoning_content"))
                        .or(() -> text(delta._additionalProperties().get("reasoning")))
                        .ifPresent(reasoning -> events.onReasoning(index, reasoning, now));
                delta.content().filter(c -> !c.isEmpty()).ifPresent(content -> events.onContent(index, content, now));
                delta.toolCalls().ifPresent(calls -> calls.forEach(call -> events.onToolCall(index, (int) call.index(),
                        call.id().orElse(null), call.function().flatMap(f -> f.name()).orElse(null),
                        call.function().flatMap(f -> f.arguments()).orElse(null), now)));
                choice.finishReason().ifPresent(reason -> events.onFinish(index, reason.asString(), now));
            }
            chunk.usage().ifPresent(usage -> events.onUsage(usage(usage), now));
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            long now = System.nanoTime();
            tap.forget(watch);
            if (cancelled) {
                return;
            }
            OpenAIServiceException status = serviceError(error.orElse(null));
            if (error.isEmpty()) {
                // the SDK ends its stream at [DONE] and at the end of the body alike: the bytes tell which
                if (lines.sawDone()) {
                    events.onEnd(StreamEnd.DONE, now);
                }
                events.onComplete(now);
            } else if (status != null) {
                // an error status: the interceptor reported the head, the SDK read the body
                events.onErrorBody(status.getMessage());
                events.onComplete(now);
            } else {
                events.onFailure(Failures.classify(error.get()), Failures.line(error.get()), now);
            }
        }
    }

    /** The SDK's error for a status, however wrapped (a CompletionException around it, for one). */
    private static OpenAIServiceException serviceError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OpenAIServiceException status) {
                return status;
            }
        }
        return null;
    }

    private static Optional<String> text(JsonValue value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<?> text = value.asString();
        return text.map(String::valueOf).filter(s -> !s.isEmpty());
    }

    private static TokenUsage usage(CompletionUsage usage) {
        long reasoning = usage.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(0L);
        long cached = usage.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(0L);
        return TokenUsage.of(TokenUsage.Source.CHUNK_USAGE, usage.promptTokens(), usage.completionTokens(), reasoning,
                cached, usage.totalTokens());
    }
}
