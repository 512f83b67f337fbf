package dev.silkway.compose.mail;

import dev.silkway.compose.SilkwayHome;
import dev.silkway.localprocess.JavaChild;
import dev.silkway.localprocess.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail standalone ({@code com.icegreen:greenmail-standalone}) as a child JVM: an SMTP server the
 * applications send through and an IMAP server where every recipient's mailbox can be read (any
 * password: authentication is off, it is a local test server). Mail lives in memory only, so a
 * restart of the stack starts with empty mailboxes. Readiness is asked in the protocols themselves
 * ({@link MailProbe}).
 */
public final class LocalMail implements AutoCloseable {

    private static final String MAIN = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";

    private final JavaChild server;
    private final int smtpPort;
    private final int imapPort;

    private LocalMail(JavaChild server, int smtpPort, int imapPort) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort} (0 picks free ones), bound to 127.0.0.1. */
    public static LocalMail start(Path stateDir, int smtpPort, int imapPort) {
        int smtp = smtpPort == 0 ? Ports.free() : smtpPort;
        int imap = imapPort == 0 ? Ports.free() : imapPort;
        List<String> jvm = List.of(
                "-Xms32m",
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.imap.hostname=127.0.0.1",
                "-Dgreenmail.imap.port=" + imap,
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.startup.timeout=30000");
        JavaChild child =
                JavaChild.start("greenmail", stateDir, copy(jar(), stateDir).toString(), jvm, MAIN, List.of());
        child.awaitReady(() -> MailProbe.smtpAnswers(smtp) && MailProbe.imapAnswers(imap), Duration.ofSeconds(60));
        return new LocalMail(child, smtp, imap);
    }

    /** A copy of {@code jar} in the state folder, which a rebuild of compose does not rewrite under the server. */
    private static Path copy(Path jar, Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Path next = stateDir.resolve(jar.getFileName() + ".new");
            Files.copy(jar, next, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(next, stateDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar + " into " + stateDir, e);
        }
    }

    /** The jar that {@code ./mvnw -pl compose package} copies into {@code compose/target/greenmail/}. */
    static Path jar() {
        Path jar = SilkwayHome.locate().resolve("compose/target/greenmail/greenmail-standalone.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -pl compose package");
        }
        return jar;
    }

    /** Both servers answer in their protocols (greeting read, session ended with QUIT and LOGOUT). */
    public boolean answers() {
        return MailProbe.smtpAnswers(smtpPort) && MailProbe.imapAnswers(imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public String address() {
        return "smtp 127.0.0.1:" + smtpPort + ", imap 127.0.0.1:" + imapPort;
    }

    public long pid() {
        return server.pid();
    }

    @Override
    public void close() {
        server.close();
    }
}
