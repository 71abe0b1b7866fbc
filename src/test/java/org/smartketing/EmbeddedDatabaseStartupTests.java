package org.smartketing;

import org.junit.jupiter.api.Test;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.TeamDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default, whatever database the rest of the suite uses: the application starts on
 * H2 in PostgreSQL mode, every migration applies, an unattended install gets its administrator
 * from configuration, and the demo switch fills the demo company.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "smartketing.admin.email=Ops.Admin@Example.com", "smartketing.admin.password=unattended-install-1",
        "smartketing.demo=true", "smartketing.sign-in.bcrypt-strength=4",
        "logging.file.name=./target/test-logs/embedded.json" })
class EmbeddedDatabaseStartupTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TeamDirectory directory;

    @Test
    void appliesEveryMigrationOnH2() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history").query(Long.class).single()).isPositive();
    }

    @Test
    void createsTheFirstAdministratorFromConfiguration() {
        assertThat(directory.enabledPeople()).anySatisfy(p -> {
            assertThat(p.email()).isEqualTo("ops.admin@example.com");
            assertThat(p.appRole()).isEqualTo(AppRole.ADMIN);
        });
    }

    @Test
    void fillsTheDemoCompanyWithPeopleFromEveryDepartment() {
        var demo = directory.enabledPeople().stream().filter(p -> p.email().endsWith(org.smartketing.team.demo.DemoCompany.DOMAIN)).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo).extracting(p -> p.department()).contains(Department.values());
        assertThat(demo.stream().map(p -> p.zone()).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(demo).extracting(p -> p.jobRole()).doesNotContainNull();
    }
}
