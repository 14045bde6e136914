package org.glancejee.metadefs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.glancejee.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The definition files we ship: all listed for loading, each a valid namespace, no namespace twice. */
class ShippedDefinitionsTest {
    private static final Path DIRECTORY = Path.of("src/main/resources/metadefs");

    @Test
    void everyShippedFileIsListedAndIsAValidNamespace() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertEquals(onDisk, MetadefCatalogue.shippedFiles().stream().sorted().toList(),
                "metadefs/files.txt lists exactly the files shipped");
        Set<String> namespaces = new HashSet<>();
        for (String name : onDisk) {
            try (Reader reader = Files.newBufferedReader(DIRECTORY.resolve(name))) {
                MetadefFile file = MetadefFile.parse(Json.createReader(reader).readObject());
                assertTrue(namespaces.add(file.namespace().namespace()), "namespace twice: " + name);
                assertTrue(file.namespace().namespace().startsWith("GlanceJEE::"), name);
                assertTrue(!file.contents().associations().isEmpty(), "applies to some resource: " + name);
            }
        }
    }

    @Test
    void aFileWithAnInvalidDefinitionIsRefusedWhole() {
        JsonObject file = Json.createObjectBuilder().add("namespace", "X")
                .add("properties", Json.createObjectBuilder().add("ok", Json.createObjectBuilder()
                                .add("title", "OK").add("type", "string"))
                        .add("bad", Json.createObjectBuilder().add("title", "Bad").add("type", "colour")))
                .build();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> MetadefFile.parse(file));
        assertTrue(refused.getMessage().contains("'colour' is not one of"), refused.getMessage());
        assertThrows(InvalidInputException.class, () -> MetadefFile.parse(Json.createObjectBuilder()
                .add("display_name", "no namespace").build()));
        assertThrows(RuntimeException.class, () -> MetadefFile.parse(Json.createObjectBuilder().add("namespace", "X")
                .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "a"))
                        .add(Json.createObjectBuilder().add("name", "A"))).build()), "tags are case-insensitive");
    }

    @Test
    void exportsAreNamedAfterTheirNamespace() {
        assertEquals("OS_Compute_Watchdog.json", MetadefCatalogue.fileName(Json.createObjectBuilder()
                .add("namespace", "OS::Compute::Watchdog").add("display_name", "Watchdog Behavior").build()));
    }
}
