package org.smartketing.team.teams;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;

/** A team's name, description and members: the page form and the API body. */
public record TeamDetails(
        @NotBlank @Size(max = 80) @PlainText String name,
        @Size(max = 500) @PlainText String description,
        @Size(max = 500) List<@NotNull UUID> memberIds) {

    public List<UUID> members() {
        return memberIds == null ? List.of() : memberIds;
    }
}
