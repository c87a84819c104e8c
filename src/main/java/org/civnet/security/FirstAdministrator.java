package org.civnet.security;

import org.civnet.config.CivnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator, {@code admin}, when no user exists: with
 * {@code CIVNET_ADMIN_PASSWORD} if set, else with a random password printed once on the console
 * (standard output, not the log). There is no built-in default password.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts accounts;
    private final CivnetProperties properties;

    FirstAdministrator(UserAccounts accounts, CivnetProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userCount() > 0) {
            log.info("civnet is ready; log in with an existing user (HTTP Basic) or an API token");
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? UserAccounts.randomPassword() : configured;
        accounts.createUser("admin", password, Role.ADMIN);
        if (generated) {
            System.out.println();
            System.out.println("================================================================");
            System.out.println(" civnet: first administrator created");
            System.out.println("   user:     admin");
            System.out.println("   password: " + password);
            System.out.println(" This password is shown only now. Log in with HTTP Basic, e.g.");
            System.out.println("   curl -u admin:<password> http://localhost:8080/api/graph/stats");
            System.out.println(" Set CIVNET_ADMIN_PASSWORD before the first start to choose it.");
            System.out.println("================================================================");
            System.out.println();
        } else {
            log.info("civnet: first administrator 'admin' created with the password from CIVNET_ADMIN_PASSWORD");
        }
    }
}
