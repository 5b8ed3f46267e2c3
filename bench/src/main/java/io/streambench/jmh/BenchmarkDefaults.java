package io.streambench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every streambench benchmark shares, in one place (as Netty's microbench does):
 * throughput per second, 5 warmup and 5 measured 1-second iterations, 2 forks with a fixed heap so
 * that GC settings do not differ between runs. Override on the command line for quick looks
 * ({@code -f 1 -wi 3 -i 5}); such runs are smoke tests, never quoted as figures.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class BenchmarkDefaults {
}
