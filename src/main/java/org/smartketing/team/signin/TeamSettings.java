package org.smartketing.team.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.*} settings of the team part.
 *
 * @param demo     fill the demo company at start when the database has nobody yet
 * @param admin    the first administrator for unattended installs ({@code SMARTKETING_ADMIN_EMAIL},
 *                 {@code SMARTKETING_ADMIN_PASSWORD}); used only while no administrator exists
 * @param baseUrl  the public address used in emailed links; without it, the address of the request
 * @param signIn   password hashing, link lifetimes and sign-in throttling
 */
@ConfigurationProperties("smartketing")
public record TeamSettings(boolean demo, @DefaultValue Admin admin, String baseUrl, @DefaultValue SignIn signIn) {

    public record Admin(String email, String password, @DefaultValue("Administrator") String name) {

        public boolean isSet() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    /**
     * @param failuresPerPair    failed sign-ins for one account from one address before each further
     *                           try waits, {@code firstDelay} first, doubling up to {@code longestDelay}
     * @param failuresPerAccount failed sign-ins for one account from all addresses within
     *                           {@code lockout} before it is locked (far more than a pair's; the owner is emailed)
     * @param failuresPerAddress failed sign-ins from one address, whatever the account, within {@code lockout}
     * @param resetsPerAccount   reset links emailed to one account within {@code resetWindow}
     * @param resetsPerAddress   reset requests taken from one address within {@code resetWindow}
     */
    public record SignIn(@DefaultValue("11") int bcryptStrength, @DefaultValue("7d") Duration invitationValidity,
            @DefaultValue("1h") Duration resetValidity, @DefaultValue("5") int failuresPerPair,
            @DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration longestDelay,
            @DefaultValue("100") int failuresPerAccount, @DefaultValue("30") int failuresPerAddress,
            @DefaultValue("15m") Duration lockout, @DefaultValue("3") int resetsPerAccount,
            @DefaultValue("10") int resetsPerAddress, @DefaultValue("1h") Duration resetWindow) {
    }
}
