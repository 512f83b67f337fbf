package dev.silkway.storefront;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.silkway.localprocess.Ports;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** One in-JVM GreenMail (SMTP + IMAP on free ports) for all the tests of this JVM. */
public final class TestMail {

    private static GreenMail greenMail;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                        new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                    })
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        }
        return greenMail;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    public static int imapPort() {
        return server().getImap().getPort();
    }

    /** Reads a mailbox over IMAP, as a person with a mail client would: subject and text of each message. */
    public static List<Mail> readOverImap(String mailbox) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(imapPort()));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imapPort(), mailbox, "any-password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent())));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            return List.of();
        }
    }

    public record Mail(String subject, String text) {}
}
