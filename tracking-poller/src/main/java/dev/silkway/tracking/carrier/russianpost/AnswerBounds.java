package dev.silkway.tracking.carrier.russianpost;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one answer that CXF's own timeouts do not give: at most {@code maxSize} bytes are read (a declared
 * Content-Length past it is refused before reading), and the body must be read in full before {@code deadline} from
 * the request's start ({@link #STARTED}, set on the way out), so an answer that trickles in is cut off. Past either,
 * reading fails with {@link AnswerRefused}, which the client reports as the carrier being unavailable.
 */
final class AnswerBounds {

    static final String STARTED = AnswerBounds.class.getName() + ".started";

    private AnswerBounds() {}

    /** Out: notes when the request started. */
    static final class Start extends AbstractPhaseInterceptor<Message> {
        Start() {
            super(Phase.SETUP);
        }

        @Override
        public void handleMessage(Message message) {
            message.getExchange().put(STARTED, System.nanoTime());
        }
    }

    /** In: wraps the answer's stream in the size and time bound. */
    static final class Limit extends AbstractPhaseInterceptor<Message> {
        private final DataSize maxSize;
        private final Duration deadline;

        Limit(DataSize maxSize, Duration deadline) {
            super(Phase.RECEIVE);
            this.maxSize = maxSize;
            this.deadline = deadline;
        }

        @Override
        public void handleMessage(Message message) {
            if (declaredLength(message) > maxSize.toBytes()) {
                throw new Fault(new AnswerRefused(
                        "the answer is larger than " + maxSize.toBytes() + " bytes by its Content-Length; not read"));
            }
            InputStream in = message.getContent(InputStream.class);
            if (in == null) {
                return;
            }
            Object started = message.getExchange().get(STARTED);
            long start = started instanceof Long at ? at : System.nanoTime();
            message.setContent(InputStream.class, new Bounded(in, maxSize.toBytes(), start + deadline.toNanos()));
        }

        private static long declaredLength(Message message) {
            if (message.get(Message.PROTOCOL_HEADERS) instanceof Map<?, ?> headers) {
                for (Map.Entry<?, ?> header : headers.entrySet()) {
                    if ("Content-Length".equalsIgnoreCase(String.valueOf(header.getKey()))
                            && header.getValue() instanceof List<?> values
                            && !values.isEmpty()) {
                        try {
                            return Long.parseLong(
                                    String.valueOf(values.getFirst()).trim());
                        } catch (NumberFormatException e) {
                            return -1;
                        }
                    }
                }
            }
            return -1;
        }
    }

    /** Why an answer was not read to its end. */
    static final class AnswerRefused extends IOException {
        AnswerRefused(String message) {
            super(message);
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final long deadlineNanos;
        private long read;

        Bounded(InputStream in, long max, long deadlineNanos) {
            super(in);
            this.max = max;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int more) throws IOException {
            read += more;
            if (read > max) {
                throw new AnswerRefused("the answer is larger than " + max + " bytes; reading stopped");
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new AnswerRefused("the answer did not arrive in full before its deadline");
            }
        }
    }
}
