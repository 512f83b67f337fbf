package dev.silkway.platform.outbound;

import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** One complete answer within its {@link AnswerLimits}: status, headers and body bytes. */
public record Answer(int status, HttpHeaders headers, byte[] body) {

    /** The body decoded with the charset of its {@code Content-Type}, UTF-8 when none (or an unknown one) is named. */
    public String text() {
        return new String(body, charset());
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    private Charset charset() {
        for (String part : contentType().split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
