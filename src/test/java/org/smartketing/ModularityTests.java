package org.smartketing;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SmartketingApplication.class);

    @Test
    void partsOnlyUseEachOthersPublicFace() {
        modules.verify();
    }

    @Test
    void everyPartOfTheProductIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("team", "mail", "shared", "web", "funnel", "activity", "comms", "meetings");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
