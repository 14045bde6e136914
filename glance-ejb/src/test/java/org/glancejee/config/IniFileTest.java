package org.glancejee.config;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IniFileTest {

    private static Map<String, Map<String, String>> read(String text) throws Exception {
        return IniFile.read(new StringReader(text));
    }

    @Test
    void sectionsKeepFileOrderAndOptionsTheirValues() throws Exception {
        Map<String, Map<String, String>> ini = read("""
                # comment
                ; another
                [^b.*]
                Create = admin, member
                read: @

                [a]
                create=!
                """);
        assertEquals(List.of("^b.*", "a"), List.copyOf(ini.keySet()));
        assertEquals("admin, member", ini.get("^b.*").get("create"), "option names are lower-cased");
        assertEquals("@", ini.get("^b.*").get("read"));
        assertEquals("!", ini.get("a").get("create"));
    }

    @Test
    void defaultsAreInheritedAndContinuationLinesJoined() throws Exception {
        Map<String, Map<String, String>> ini = read("""
                [DEFAULT]
                delete = admin
                [x]
                create = admin,
                  member
                delete = !
                [y]
                create = 100%%
                """);
        assertEquals("admin,\nmember", ini.get("x").get("create"));
        assertEquals("!", ini.get("x").get("delete"));
        assertEquals("admin", ini.get("y").get("delete"));
        assertEquals("100%", ini.get("y").get("create"));
    }

    @Test
    void malformedFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("create = admin\n"), "option before any section");
        assertThrows(IllegalArgumentException.class, () -> read("[x]\n[x]\n"), "duplicate section");
        assertThrows(IllegalArgumentException.class, () -> read("[x]\na = 1\na = 2\n"), "duplicate option");
        assertThrows(IllegalArgumentException.class, () -> read("[x]\njust words\n"));
        assertThrows(IllegalArgumentException.class, () -> read("[x]\na = 5%\n"));
    }
}
