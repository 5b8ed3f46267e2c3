package io.streambench.cli;

import io.streambench.client.accumulate.AccumulateStrategy;
import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.ParserStrategy;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.ClientStacks;
import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.util.ArrayList;
import java.util.function.Function;
import picocli.CommandLine;

/** The client strategies' names for picocli: the lists {@code --help} shows, and the converters from a NAME to its type. */
final class StrategyNames {

    private StrategyNames() {
    }

    /** The flush policy names, for --help. */
    static final class FlushNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FlushNames() {
            super(Choice.labels(FlushStrategy.class));
        }
    }

    /** The accumulator names, for --help. */
    static final class AccumulateNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AccumulateNames() {
            super(Choice.labels(AccumulateStrategy.class));
        }
    }

    /** A NAME option as the type it names; an unknown name is a usage error that lists the known ones. */
    private abstract static class NamedConverter<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> byName;

        NamedConverter(Function<String, T> byName) {
            this.byName = byName;
        }

        @Override
        public T convert(String value) {
            try {
                return byName.apply(value);
            } catch (UsageException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** --flush NAME. */
    static final class FlushConverter extends NamedConverter<FlushPolicy> {
        FlushConverter() {
            super(FlushStrategy::policyNamed);
        }
    }

    /** --accumulate NAME. */
    static final class AccumulateConverter extends NamedConverter<AccumulatorFactory> {
        AccumulateConverter() {
            super(AccumulatorFactory::named);
        }
    }

    /** --parser NAME. */
    static final class ParserConverter extends NamedConverter<ParserFactory> {
        ParserConverter() {
            super(ParserFactory::named);
        }
    }

    /** --client NAME: null for the driver's own Netty client, which runs on the driver's path. */
    static final class ClientConverter extends NamedConverter<ClientStackProvider> {
        ClientConverter() {
            super(name -> name.equals(ClientStacks.NETTY) ? null : ClientStacks.named(name));
        }
    }

    /** The parser names, for --help. */
    static final class ParserNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ParserNames() {
            super(Choice.labels(ParserStrategy.class));
        }
    }
}
