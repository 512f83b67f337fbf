package dev.silkway.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

class AdminBootstrapIT extends StorefrontIntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void refusesToStartRatherThanPromoteAnExistingAccountWhenNoAdminExists() {
        var squatter = Shoppers.signUp(api);
        var bootstrap = new AdminBootstrap(
                accounts,
                encoder,
                policy,
                new AdminBootstrap.FirstAdmin(
                        squatter.email(), "Another-Strong-Admin-Pass-7", "Administrator", "+70000000000"));

        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("DELETE FROM user_roles WHERE role_code = 'ADMIN'").update();

            assertThatThrownBy(() -> bootstrap.run(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SILKWAY_ADMIN_EMAIL belongs to an existing account")
                    .hasMessageContaining("never promoted");
            assertThat(accounts.byId(squatter.id()).orElseThrow().roles()).containsExactly("SHOPPER");
        });
    }
}
