package dev.silkway.storefront;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks' load generator: a blocking HTTP/1.1 client on one keep-alive connection, as a
 * browser or a reverse proxy keeps one, for one client thread. It sends a request (a JSON body when
 * given) and reads each answer whole (Content-Length or chunked), reconnecting when the server closes
 * the connection. The JDK's {@code HttpClient} spends several times the CPU per request (selector
 * thread, futures, HTTP/2 upgrade headers), and in the benchmark's JVM that CPU is taken from the
 * server it measures.
 */
public final class KeepAliveClient implements Closeable {

    private final String host;
    private final int port;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** GETs the path and returns the status; the body is read whole and is then {@link #body()}. */
    public int get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery, Map.of(), null);
    }

    /**
     * Sends the request with {@code headers} and, when not null, {@code json} as its body; returns the status,
     * the body read whole is then {@link #body()}.
     */
    public int send(String method, String pathAndQuery, Map<String, String> headers, byte[] json) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        try {
            return exchange(method, pathAndQuery, headers, json);
        } catch (EOFException e) {
            close();
            if (!reused) {
                throw e;
            }
            connect();
            return exchange(method, pathAndQuery, headers, json);
        }
    }

    private int exchange(String method, String pathAndQuery, Map<String, String> headers, byte[] json)
            throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nAccept: application/json, application/problem+json\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(json.length)
                    .append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (json != null) {
            out.write(json);
        }
        out.flush();
        int status = Integer.parseInt(line().split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        body.reset();
        if (chunked) {
            for (long chunk = Long.parseLong(line().split(";")[0].strip(), 16);
                    chunk > 0;
                    chunk = Long.parseLong(line().split(";")[0].strip(), 16)) {
                copy(chunk);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length);
        } else {
            close = true;
            in.transferTo(body);
        }
        if (close) {
            close();
        }
        return status;
    }

    public byte[] body() {
        return body.toByteArray();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private void copy(long length) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = length; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the connection closed inside a body");
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed inside a response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
