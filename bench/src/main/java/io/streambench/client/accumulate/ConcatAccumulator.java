package io.streambench.client.accumulate;

/**
 * {@code concat}, the naive way: {@code answer = answer + text}. Every chunk copies the whole
 * answer so far, so the bytes copied grow with the square of the answer's length.
 */
final class ConcatAccumulator implements Accumulator {

    private String answer = "";

    @Override
    public void append(CharSequence text) {
        answer = answer + text;
    }

    @Override
    public String result() {
        return answer;
    }

    @Override
    public long characters() {
        return answer.length();
    }

    @Override
    public boolean truncated() {
        return false;
    }

    @Override
    public long retainedBytes() {
        return HeapLayout.string(answer);
    }

    @Override
    public String name() {
        return "concat";
    }
}
