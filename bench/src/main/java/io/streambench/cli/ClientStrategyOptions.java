package io.streambench.cli;

import io.streambench.cli.StrategyNames.AccumulateConverter;
import io.streambench.cli.StrategyNames.AccumulateNames;
import io.streambench.cli.StrategyNames.ClientConverter;
import io.streambench.cli.StrategyNames.FlushConverter;
import io.streambench.cli.StrategyNames.FlushNames;
import io.streambench.cli.StrategyNames.ParserConverter;
import io.streambench.cli.StrategyNames.ParserNames;
import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.stack.ClientStackProvider;
import picocli.CommandLine.Option;

/** {@code run}'s client strategies: the parser, flush policy, accumulator, event loops and client stack. */
final class ClientStrategyOptions {
    @Option(names = "--parser", paramLabel = "NAME", description = "SSE parser strategy: ${COMPLETION-CANDIDATES}, "
            + "or your own by class name or ServiceLoader name (default: ${DEFAULT-VALUE}).",
            completionCandidates = ParserNames.class, converter = ParserConverter.class, defaultValue = "bytes-scan")
    ParserFactory parser;

    @Option(names = "--flush", paramLabel = "NAME", completionCandidates = FlushNames.class,
            converter = FlushConverter.class,
            description = "Client flush policy, as a UI would show text: ${COMPLETION-CANDIDATES} (interval/hybrid: "
                    + FlushStrategy.DEFAULT_INTERVAL_MILLIS + " ms, size/hybrid: " + FlushStrategy.DEFAULT_MAX_CHARS
                    + " chars; none by default), or your own FlushPolicy by class name. Records flushes and "
                    + "arrival-to-flush delay (display_delay).")
    FlushPolicy flush;

    @Option(names = "--accumulate", paramLabel = "NAME", completionCandidates = AccumulateNames.class,
            converter = AccumulateConverter.class,
            description = "How each answer is kept while it streams: ${COMPLETION-CANDIDATES} (none by default), or "
                    + "your own Accumulator by class name. Records kept chars and truncation.")
    AccumulatorFactory accumulate;

    @Option(names = "--max-response-chars", paramLabel = "CHARS", description = "Limit of the bounded accumulator in UTF-16 chars, 0 for its default of "
            + AccumulateStrategy.DEFAULT_MAX_CHARS + " (default: ${DEFAULT-VALUE}).")
    long maxResponseChars = 0;

    @Option(names = "--io-threads", paramLabel = "N", description = "Client event loops, 0 for one per core (default: ${DEFAULT-VALUE}).")
    int ioThreads = 0;

    @Option(names = "--client", paramLabel = "NAME", converter = ClientConverter.class, description = "The client "
            + "stack that opens the streams: netty (the driver's own, default), or one on the class path: jdk, "
            + "okhttp, openai, spring with streambench-stacks.jar (java -cp streambench.jar:streambench-stacks.jar "
            + "io.streambench.cli.Main run --client okhttp), or your own ClientStackProvider by name or class name.")
    ClientStackProvider stack;
}
