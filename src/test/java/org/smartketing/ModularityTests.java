package org.smartketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.Options;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SmartketingApplication.class);

    @Test
    void partsOnlyUseEachOthersPublicFace() {
        modules.verify();
    }

    @Test
    void everyPartOfTheProductIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("team", "mail", "shared", "web", "funnel", "activity", "comms", "meetings", "goals",
                        "crosstraining");
    }

    /**
     * Writes the diagrams docs/architecture.md shows into docs/modules (committed): every part and
     * what it uses, and how events flow between parts (which part listens to whose events). Run by every build, so a change to the parts shows in the diff.
     */
    @Test
    void writesThePartsAndTheirEventFlowUnderDocs() throws IOException {
        Path parts = Path.of("docs/modules/components.puml");
        Path events = Path.of("docs/modules/event-flow/components.puml");
        String partsBefore = readIfThere(parts);
        String eventsBefore = readIfThere(events);
        new Documenter(modules, Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml();
        new Documenter(modules, Options.defaults().withOutputFolder("docs/modules/event-flow"))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withDependencyTypes(DependencyType.EVENT_LISTENER));
        render(parts, partsBefore, Path.of("docs/modules/parts.svg"));
        render(events, eventsBefore, Path.of("docs/modules/event-flow.svg"));
    }

    private static java.util.Set<String> lines(String text) {
        return new java.util.TreeSet<>(text.lines().toList());
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : null;
    }

    /**
     * Draws the picture again only when the parts changed (the layout takes most of a minute). The
     * documenter writes the same relations in another order from run to run, so they are compared as
     * a set, and an unchanged diagram keeps its committed text.
     */
    private static void render(Path plantUml, String before, Path svg) throws IOException {
        if (Files.exists(svg) && before != null && lines(Files.readString(plantUml)).equals(lines(before))) {
            Files.writeString(plantUml, before);
            assertThat(Files.readString(svg)).contains("<svg");
            return;
        }
        String source = Files.readString(plantUml).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (OutputStream out = Files.newOutputStream(svg)) {
            new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        }
        assertThat(Files.readString(svg)).contains("<svg").doesNotContain("Syntax Error");
    }
}
