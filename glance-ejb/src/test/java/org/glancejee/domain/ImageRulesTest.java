package org.glancejee.domain;

import org.glancejee.policy.Policy;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.service.ImageAuthorization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRulesTest {
    private static final RequestContext ADMIN = new RequestContext(null, null, Set.of("admin"), true, "req-1");
    private static final RequestContext MEMBER =
            new RequestContext("p1", "u1", Set.of("member"), false, "req-2");

    private final ImageRules rules = new ImageRules(List.of("raw", "qcow2"), List.of("bare", "ovf"), 3, 2,
            PropertyProtections.NONE, new ImageAuthorization(new PolicyEnforcer(Policy.defaults())));

    private static Image image() {
        return Image.newImage(null, "p1", Instant.parse("2026-01-02T03:04:05.678Z"));
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void newImageIsQueuedSharedAndTruncatedToSeconds() {
        Image image = image();
        assertEquals(ImageStatus.QUEUED, image.status());
        assertEquals(Visibility.SHARED, image.visibility());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), image.createdAt());
        assertTrue(image.id().matches(ImageAttribute.UUID_PATTERN));
    }

    @Test
    void createSetsCoreAttributesAndCustomProperties() {
        Image image = image();
        rules.applyCreate(image, fields("name", "n", "disk_format", "raw", "min_ram", 128L, "tags", List.of("a", "a"),
                "os_distro", "debian"), ADMIN);
        assertEquals("n", image.name());
        assertEquals("raw", image.diskFormat());
        assertEquals(128, image.minRam());
        assertEquals(Set.of("a"), image.tags());
        assertEquals(Map.of("os_distro", "debian"), image.properties());
    }

    @Test
    void createRefusesReadOnlyAndReservedNames() {
        assertEquals("Attribute 'status' is read-only.", assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image(), fields("status", "active"), ADMIN)).getMessage());
        assertEquals("Attribute 'self' is read-only.", assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image(), fields("self", "x"), ADMIN)).getMessage());
        ForbiddenException reserved = assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image(), fields("os_glance_x", "y"), ADMIN));
        assertNull(reserved.getMessage());
        assertEquals("Attribute 'os_glance_x' is reserved.", reserved.detail());
    }

    @Test
    void createChecksTypesAgainstTheSchema() {
        assertEquals("Provided object does not match schema 'image': 'vmdk' is not one of [None, 'raw', 'qcow2']",
                assertThrows(InvalidInputException.class,
                        () -> rules.applyCreate(image(), fields("disk_format", "vmdk"), ADMIN)).getMessage());
        assertEquals("Provided object does not match schema 'image': 5 is not of type 'string'",
                assertThrows(InvalidInputException.class,
                        () -> rules.applyCreate(image(), fields("os_distro", 5L), ADMIN)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class,
                () -> rules.applyCreate(image(), fields("name", "x".repeat(256)), ADMIN)).getMessage()
                .endsWith("is too long"));
        assertEquals("Invalid value '-1' for parameter 'min_ram': Cannot be a negative value",
                assertThrows(InvalidInputException.class,
                        () -> rules.applyCreate(image(), fields("min_ram", -1L), ADMIN)).getMessage());
    }

    @Test
    void standardPropertiesAreChecked() {
        assertTrue(assertThrows(InvalidInputException.class,
                () -> rules.applyCreate(image(), fields("kernel_id", "nope"), ADMIN)).getMessage()
                .contains("does not match"));
    }

    @Test
    void quotasAreEnforced() {
        LimitExceededException tags = assertThrows(LimitExceededException.class,
                () -> rules.applyCreate(image(), fields("tags", List.of("a", "b", "c")), ADMIN));
        assertTrue(tags.getMessage().contains("Attempted: 3, Maximum: 2"));
        assertThrows(LimitExceededException.class,
                () -> rules.applyCreate(image(), fields("a", "1", "b", "2", "c", "3", "d", "4"), ADMIN));
    }

    @Test
    void nonAdminMayNotGiveImagesAwayOrPublishThem() {
        ForbiddenException owner = assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image(), fields("owner", "p2"), MEMBER));
        assertEquals("You are not permitted to create images owned by 'p2'", owner.detail());
        assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image(), fields("visibility", "public"), MEMBER));
    }

    @Test
    void patchAddIsUpsertOnV21AndConflictsOnV20() {
        Image image = image();
        rules.applyPatch(image, List.of(new PatchOperation(PatchOperation.Op.ADD, "k", "v1")), false, ADMIN);
        rules.applyPatch(image, List.of(new PatchOperation(PatchOperation.Op.ADD, "k", "v2")), false, ADMIN);
        assertEquals("v2", image.properties().get("k"));
        ConflictException strict = assertThrows(ConflictException.class, () -> rules.applyPatch(image,
                List.of(new PatchOperation(PatchOperation.Op.ADD, "k", "v3")), true, ADMIN));
        assertEquals("Property k already present.", strict.detail());
    }

    @Test
    void patchReplaceOrRemoveOfMissingPropertyConflicts() {
        assertEquals("Property nope does not exist.", assertThrows(ConflictException.class, () -> rules.applyPatch(
                image(), List.of(new PatchOperation(PatchOperation.Op.REMOVE, "nope", null)), false, ADMIN)).detail());
        assertThrows(ConflictException.class, () -> rules.applyPatch(
                image(), List.of(new PatchOperation(PatchOperation.Op.REPLACE, "nope", "x")), false, ADMIN));
    }

    @Test
    void patchRefusesRemovingCoreAndWritingReadOnly() {
        assertEquals("Property name may not be removed.", assertThrows(ForbiddenException.class,
                () -> rules.applyPatch(image(), List.of(new PatchOperation(PatchOperation.Op.REMOVE, "name", null)),
                        false, ADMIN)).detail());
        assertEquals("Attribute 'id' is read-only.", assertThrows(ForbiddenException.class,
                () -> rules.applyPatch(image(), List.of(new PatchOperation(PatchOperation.Op.REPLACE, "id", "x")),
                        false, ADMIN)).getMessage());
    }

    @Test
    void patchValidatesEveryOperationBeforeApplyingAny() {
        Image image = image();
        assertThrows(ForbiddenException.class, () -> rules.applyPatch(image, List.of(
                new PatchOperation(PatchOperation.Op.REPLACE, "name", "changed"),
                new PatchOperation(PatchOperation.Op.REPLACE, "status", "active")), false, ADMIN));
        assertNull(image.name());
    }

    @Test
    void formatsAreFrozenOnceDataIsAttached() {
        Image image = image();
        rules.applyPatch(image, List.of(new PatchOperation(PatchOperation.Op.REPLACE, "disk_format", "raw")),
                false, ADMIN);
        assertEquals("raw", image.diskFormat());
        image.delete(Instant.now());
        assertFalse(image.status() == ImageStatus.QUEUED);
        assertThrows(ForbiddenException.class, () -> rules.applyPatch(image,
                List.of(new PatchOperation(PatchOperation.Op.REPLACE, "disk_format", "raw")), false, ADMIN));
    }

    @Test
    void protectedImagesRefuseDeletion() {
        Image image = image();
        rules.applyPatch(image, List.of(new PatchOperation(PatchOperation.Op.REPLACE, "protected", true)),
                false, ADMIN);
        assertEquals("Image " + image.id() + " is protected and cannot be deleted.",
                assertThrows(ForbiddenException.class, () -> image.delete(Instant.now())).getMessage());
        assertEquals(ImageStatus.QUEUED, image.status());
    }

    @Test
    void tagsAreCheckedBeforeAdding() {
        Image image = image();
        rules.checkNewTag(image, "a");
        image.addTag("a");
        image.addTag("b");
        rules.checkNewTag(image, "a");
        assertTrue(assertThrows(LimitExceededException.class, () -> rules.checkNewTag(image, "c")).getMessage()
                .endsWith("Attempted: 3, Maximum: 2:"));
        assertThrows(InvalidInputException.class, () -> rules.checkNewTag(image, "x".repeat(256)));
        assertThrows(NotFoundException.class, () -> image.removeTag("zzz"));
    }
}
