package com.example.sse;

import io.streambench.client.sse.ParserConformanceKit;
import io.streambench.client.sse.ParserFactory;

/** The same recorded streams and cuts as streambench's own parsers pass, on this one, loaded by class name. */
class LineSplittingParserConformanceTest extends ParserConformanceKit {

    @Override
    protected ParserFactory parser() {
        return ParserFactory.named("com.example.sse.LineSplittingParser");
    }
}
