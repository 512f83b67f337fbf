package dev.silkway.tracking.carrier.russianpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AnswerBoundsTest {

    @Test
    void stopsReadingAnAnswerWithoutContentLengthPastItsSize() {
        InputStream bounded =
                bounded(new byte[4096], System.nanoTime(), DataSize.ofKilobytes(2), Duration.ofMinutes(1));

        assertThatThrownBy(bounded::readAllBytes)
                .isInstanceOf(AnswerBounds.AnswerRefused.class)
                .hasMessageContaining("larger than 2048 bytes");
    }

    @Test
    void stopsReadingAnAnswerPastTheDeadlineCountedFromTheRequest() {
        long startedLongAgo = System.nanoTime() - Duration.ofSeconds(30).toNanos();
        InputStream bounded = bounded(new byte[100], startedLongAgo, DataSize.ofKilobytes(2), Duration.ofSeconds(20));

        assertThatThrownBy(bounded::read)
                .isInstanceOf(AnswerBounds.AnswerRefused.class)
                .hasMessageContaining("deadline");
    }

    @Test
    void readsAnAnswerWithinBothBounds() throws Exception {
        InputStream bounded =
                bounded(new byte[2048], System.nanoTime(), DataSize.ofKilobytes(2), Duration.ofMinutes(1));

        assertThat(bounded.readAllBytes()).hasSize(2048);
    }

    private static InputStream bounded(byte[] body, long started, DataSize max, Duration deadline) {
        Message message = new MessageImpl();
        message.setExchange(new ExchangeImpl());
        message.getExchange().put(AnswerBounds.STARTED, started);
        message.setContent(InputStream.class, new ByteArrayInputStream(body));
        new AnswerBounds.Limit(max, deadline).handleMessage(message);
        return message.getContent(InputStream.class);
    }
}
