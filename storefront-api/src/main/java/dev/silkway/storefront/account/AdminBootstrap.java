package dev.silkway.storefront.account;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin at start-up from {@code SILKWAY_ADMIN_EMAIL} and {@code SILKWAY_ADMIN_PASSWORD}
 * when both are set and no admin exists yet. There is no default: without them, no admin is made. An existing
 * account is never promoted: whoever registered the address first would otherwise become admin with their own
 * password, so the application refuses to start when the address belongs to an account and no admin exists.
 */
@Component
@EnableConfigurationProperties(AdminBootstrap.FirstAdmin.class)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final FirstAdmin admin;

    AdminBootstrap(Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy, FirstAdmin admin) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.admin = admin;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (admin.email().isBlank() || admin.password().isEmpty() || accounts.anyWithRole("ADMIN")) {
            return;
        }
        String email = EmailAddresses.normalize(admin.email());
        var violation = policy.violation(admin.password(), email);
        if (violation.isPresent()) {
            throw new IllegalStateException("SILKWAY_ADMIN_PASSWORD " + violation.get());
        }
        if (accounts.byEmail(email).isPresent()) {
            throw new IllegalStateException("SILKWAY_ADMIN_EMAIL belongs to an existing account that is not an admin;"
                    + " it is never promoted (anyone may register any address). Set SILKWAY_ADMIN_EMAIL to an"
                    + " address without an account, or grant ADMIN to that account in the database once.");
        }
        var id = accounts.create(
                email, admin.fullName(), admin.phone(), encoder.encode(admin.password()), Set.of("ADMIN", "SHOPPER"));
        log.info("Created the first admin account {}", id);
    }

    @ConfigurationProperties("silkway.admin")
    record FirstAdmin(
            @DefaultValue("") String email,
            @DefaultValue("") String password,
            @DefaultValue("Administrator") String fullName,
            @DefaultValue("+70000000000") String phone) {

        @Override
        public String toString() {
            return "FirstAdmin[hidden]";
        }
    }
}
