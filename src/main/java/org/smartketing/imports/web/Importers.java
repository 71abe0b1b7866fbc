package org.smartketing.imports.web;

import org.smartketing.team.Department;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Component;

/** For the pages: whether the person signed in may import (the navigation and the lead list link to it then). */
@Component("importers")
public class Importers {

    public boolean may() {
        return SignedInPerson.current().map(me -> me.isAdmin() || me.department() == Department.MARKETING).orElse(false);
    }
}
