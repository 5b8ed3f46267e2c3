/**
 * The streambench mock server: {@link io.streambench.mock.MockServer}, configured by
 * {@link io.streambench.mock.MockServerConfig}, profiles ({@code profile}), faults ({@code fault}) and a TLS
 * identity ({@code tls}); {@code record} is what gateway mode reads, {@code stats} the shape of {@code /stats},
 * {@code cli} the {@code mock} command.
 *
 * <p>Public API: this package and those six; {@code mock-server/api/mock-server.api} lists every public type and
 * member, and {@code ApiDumpTest} fails when the compiled API differs from it. Everything under
 * {@code io.streambench.mock.internal} is the implementation and may change in any release; it is public only
 * because its packages use each other. Benchmarks of the mock's own costs have two entry points:
 * {@link io.streambench.mock.EncodedStream} (a stream's events encoded as the server writes them) and
 * {@link io.streambench.mock.PromptCounter} (the server model's prompt counting).
 *
 * <p>A chat request takes this path, one job per file (under {@code internal/}):
 *
 * <pre>
 * stamp    http/ReadStamps             when the read that completed the request came off the socket: the
 *                                      stream's clock starts then
 * decode   http/ChatRequestDecoder     the API's request body, validated as the API does (one decoder per
 *                                      API; each hands the model every message as model/Prompt)
 * admit    http/Admission              answered or refused (http/ErrorCatalogue phrases every refusal)
 * plan     wire/StreamPlan             everything decided before the first byte, from the seed
 * model    model/ServerModel           only for profiles with a server model: prompt counted, a slot of the
 *                                      batch taken or waited for, cached tokens and prefill decided
 * format   wire/WireFormat             what the stream says in the route's API (wire/StreamScript tells it
 *                                      step by step to the format's EventEncoder)
 * pace     stream/StreamSession        when each step is written (stream/Pacer, stream/Flusher;
 *                                      fault/StreamFaults bends it)
 * frame    http/HttpChunks             HTTP/1.1 chunk framing, in place
 * write    http/StreamWriter           onto the connection, below the codec (whole answers: http/Exchange)
 * </pre>
 *
 * The connection around it is {@code internal/http/ConnectionHandler} (pipelining, idle timeout, slow readers, a
 * client that leaves) and {@code internal/http/Routes} ({@code AdminRoutes} serve {@code /v1/models},
 * {@code /health}, {@code /stats}, {@code /metrics}).
 */
package io.streambench.mock;
