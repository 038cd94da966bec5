package chat.client.net;

import chat.protocol.LineParser;
import chat.protocol.ParseError;
import chat.protocol.ParseResult;

import java.io.IOException;
import java.io.InputStream;

/** Reads LF- or CRLF-ended lines from the server and parses them; a line past the limit is skipped whole. */
final class LineReader {

    private final InputStream in;
    private final byte[] line = new byte[LineParser.MAX_RAW_LINE_BYTES];

    /** @param in a buffered stream: it is read a byte at a time */
    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, parsed, or null at the end of the stream (an unfinished last line is dropped). */
    ParseResult next() throws IOException {
        int length = 0;
        boolean overflow = false;
        while (true) {
            int b = in.read();
            if (b < 0) return null;
            if (b == '\n') {
                if (overflow) return new ParseResult.Rejected(ParseError.TOO_LONG, null);
                if (length > 0 && line[length - 1] == '\r') length--;
                return LineParser.parse(line, 0, length);
            }
            if (length < line.length) {
                line[length++] = (byte) b;
            } else {
                overflow = true;
            }
        }
    }
}
