package io.streambench.mock.internal.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The {@code obfuscation} field OpenAI adds to streamed events so their sizes do not reveal their content:
 * random letters and digits copied from a table, so a field costs no allocation. Its length per event is the
 * plan's {@code padding_bytes} distribution, drawn from the stream's padding source.
 */
final class Padding {

    private static final byte[] FIELD = ",\"obfuscation\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TABLE = table(8192);

    private Padding() {
    }

    /** Writes {@code ,"obfuscation":"..."} with a length drawn for this event, or nothing for a length of 0. */
    static void write(ByteBuf out, StreamPlan plan, SplittableRandom random) {
        int len = plan.paddingBytes.sampleInt(random, 0);
        if (len <= 0) {
            return;
        }
        out.writeBytes(FIELD);
        while (len > 0) {
            int n = Math.min(len, TABLE.length / 2);
            out.writeBytes(TABLE, random.nextInt(TABLE.length - n + 1), n);
            len -= n;
        }
        out.writeByte('"');
    }

    private static byte[] table(int size) {
        byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        SplittableRandom r = new SplittableRandom(0x5eed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return b;
    }
}
