/**
 * How the "server" behind a profile behaves under traffic, whatever API it speaks: prompts counted with the
 * driver's tokenizer, a prefill time that grows with the uncached prompt, a prefix cache of chained block
 * hashes, and a batch of sequences decoded at once with a first-come-first-served queue before it. Off by
 * default ({@link io.streambench.mock.profile.ModelSettings#OFF}): a profile without these fields takes the path
 * it takes without this package. Nothing here knows a dialect, nor HTTP ({@code FormatNeutralityTest}).
 *
 * <h2>Where it sits</h2>
 *
 * <pre>
 * decode -&gt; admit -&gt; plan -&gt; model -&gt; format -&gt; pace -&gt; frame -&gt; write
 *                           ServerModel.submit: count the prompt (here, or on the tokenizer thread when long),
 *                           take a free slot or wait in the queue; when admitted: cached tokens, prefill time
 * </pre>
 *
 * The route ({@code http/ChatRoute}) sends the response head at once, submits the request, and starts the
 * answer in the callback: its plan gets the model's prompt counts ({@code StreamPlan.withPromptTokens}, which
 * each format reports: chat completions' {@code prompt_tokens_details.cached_tokens}), its script is wrapped by
 * {@link io.streambench.mock.internal.model.Sequence#pace}, its stream's clock starts at the admission, and its end
 * releases the slot to the next request in the queue.
 *
 * <h2>Dynamic gaps on absolute deadlines</h2>
 *
 * A stream is paced on absolute deadlines ({@code stream/StreamSession}): each step's deadline is the previous
 * deadline plus the next delay, which the session asks its script for right after it wrote the previous step.
 * The model changes nothing in that loop. It wraps the script ({@link ModelledScript})
 * so that the delay it returns is the profile's, plus the prefill before the first step, plus, on every gap,
 * {@code itl_ms_per_sequence} for each other sequence holding a slot at that moment and the decoding stall the
 * prefills of requests admitted since the previous gap caused. The gap is decided when the previous step is
 * written, from the batch as it is then, as a server's next decoding step takes as long as the batch it runs;
 * the deadline stays absolute, so pacing accuracy, send stamps and the lateness histogram mean what they meant.
 * A deadline once set never moves: a stall or a change of the batch during a gap shows in the next one.
 *
 * <p>The batch size and the stall clock are volatile fields, read at every step without a lock; admission,
 * release and cancellation take the model's lock once per request. A slot is released as of the deadline of
 * the answer's last step (never later than the write), so the model's queueing does not depend on how late the
 * mock's own writes were; and the model takes times as arguments, never from the clock, so a test runs it
 * under a simulated clock ({@code BatchSimulation}) to compute a profile's limits.
 */
package io.streambench.mock.internal.model;
