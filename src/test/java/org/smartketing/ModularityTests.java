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
        Diagram parts = Diagram.before(Path.of("docs/modules/components.puml"), Path.of("docs/modules/parts.svg"));
        Diagram events = Diagram.before(Path.of("docs/modules/event-flow/components.puml"),
                Path.of("docs/modules/event-flow.svg"));
        new Documenter(modules, Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml();
        new Documenter(modules, Options.defaults().withOutputFolder("docs/modules/event-flow"))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withDependencyTypes(DependencyType.EVENT_LISTENER));
        parts.drawIfChanged();
        events.drawIfChanged();
    }

    /**
     * A diagram as committed, read before the documenter writes (it clears its folder, pictures
     * included). It is drawn again only when the parts changed (the layout takes most of a minute);
     * the documenter writes the same relations in another order from run to run, so they are compared
     * as a set, and an unchanged diagram is put back as it was, text and picture.
     */
    private record Diagram(Path plantUml, Path svg, String text, byte[] picture) {

        static Diagram before(Path plantUml, Path svg) throws IOException {
            return new Diagram(plantUml, svg, Files.exists(plantUml) ? Files.readString(plantUml) : null,
                    Files.exists(svg) ? Files.readAllBytes(svg) : null);
        }

        void drawIfChanged() throws IOException {
            String now = Files.readString(plantUml);
            if (text != null && picture != null && lines(now).equals(lines(text))) {
                Files.writeString(plantUml, text);
                Files.createDirectories(svg.getParent());
                Files.write(svg, picture);
                return;
            }
            String source = now.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
            try (OutputStream out = Files.newOutputStream(svg)) {
                new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
            }
            assertThat(Files.readString(svg)).contains("<svg").doesNotContain("Syntax Error");
        }

        private static java.util.Set<String> lines(String text) {
            return new java.util.TreeSet<>(text.lines().toList());
        }
    }
}
