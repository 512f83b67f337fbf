package dev.silkway.compose.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Readiness of the mail server in its own protocols: the greeting is read and the session ended
 * ({@code QUIT} on SMTP, {@code LOGOUT} on IMAP). Never a bare connect and close: GreenMail's IMAP
 * handler then spins on the closed socket for ever (a whole core, in {@code
 * ImapRequestLineReader.nextChar}).
 */
final class MailProbe {

    private static final int TIMEOUT_MILLIS = 2_000;

    private MailProbe() {}

    /** {@code 220} greeting, {@code QUIT}, {@code 221}. */
    static boolean smtpAnswers(int port) {
        return converse(port, "220", "QUIT", "221");
    }

    /** {@code * OK} greeting, {@code LOGOUT}, the tagged {@code OK}. */
    static boolean imapAnswers(int port) {
        return converse(port, "* OK", "p1 LOGOUT", "p1 OK");
    }

    private static boolean converse(int port, String greeting, String command, String reply) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            if (line == null || !line.startsWith(greeting)) {
                return false;
            }
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(reply)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
