package org.smartketing.team.signin;

import org.smartketing.team.people.People;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; before the first administrator exists it sends people to set-up instead. */
@Controller
class SignInController {

    private final People people;

    SignInController(People people) {
        this.people = people;
    }

    @GetMapping("/login")
    String login() {
        return people.anyActiveAdmin() ? "team/login" : "redirect:/setup";
    }
}
