package org.smartketing.team;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.smartketing.web.ZoneAware;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request, signed in with a password or an API token. Controllers take it as
 * {@code @AuthenticationPrincipal SignedInPerson me}.
 */
public final class SignedInPerson implements UserDetails, CredentialsContainer, ZoneAware {

    private final PersonId id;
    private final String email;
    private final String displayName;
    private final AppRole role;
    private final Department department;
    private final ZoneId zone;
    private final boolean enabled;
    private final Set<String> scopes;
    private String passwordHash;

    public SignedInPerson(PersonId id, String email, String displayName, AppRole role, Department department,
            ZoneId zone, boolean enabled, String passwordHash, Set<String> scopes) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.department = department;
        this.zone = zone;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.scopes = Set.copyOf(scopes);
    }

    /** The person behind the current request, if someone is signed in. */
    public static Optional<SignedInPerson> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInPerson p ? Optional.of(p) : Optional.empty();
    }

    public PersonId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public AppRole role() {
        return role;
    }

    public Department department() {
        return department;
    }

    /** This person as the actor of what they do (events, audit). */
    public Actor actor() {
        return Actor.person(id, department);
    }

    public boolean isAdmin() {
        return role == AppRole.ADMIN;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Stream.concat(Stream.of(role.authority()), scopes.stream().map(s -> "SCOPE_" + s))
                .map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public List<String> scopes() {
        return scopes.stream().sorted().toList();
    }

    /** The same person, however signed in: what the session registry finds an account's sessions by. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInPerson that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
