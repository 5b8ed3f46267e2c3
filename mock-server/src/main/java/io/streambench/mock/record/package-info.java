/**
 * What a recording mock keeps of tagged requests, so that a driver can measure a gateway placed between them
 * ({@code streambench run --gateway}): the {@link io.streambench.mock.record.Tag} a driver puts into the prompt,
 * the {@link io.streambench.mock.record.Recorder} of per-request records (arrival at the socket, status, how the
 * answer ended, each event's flush time, data size and hash), the
 * {@link io.streambench.mock.internal.record.RecordingSink} that sees the events of a stream as bytes whatever the API,
 * and the JSON of the {@code /records} and {@code /clock} routes. The
 * {@link io.streambench.mock.record.SseEventScanner} counts events the same way on both sides.
 */
package io.streambench.mock.record;
