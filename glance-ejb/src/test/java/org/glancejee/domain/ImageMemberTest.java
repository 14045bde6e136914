package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageMemberTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final String INVALID = "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".";

    private static ImageMember member() {
        return ImageMember.pending("image-1", "project-2", CREATED);
    }

    @Test
    void newMemberIsPendingWithBothTimestampsAtCreation() {
        ImageMember m = member();
        assertEquals("image-1", m.imageId());
        assertEquals("project-2", m.member());
        assertEquals(ImageMember.Status.PENDING, m.status());
        assertEquals(CREATED, m.createdAt());
        assertEquals(CREATED, m.updatedAt());
        assertFalse(m.isDeleted());
    }

    @Test
    void statusNamesAreTheLowerCaseApiNames() {
        assertEquals(List.of("pending", "accepted", "rejected"),
                Arrays.stream(ImageMember.Status.values()).map(ImageMember.Status::apiName).toList());
        assertEquals(ImageMember.Status.ACCEPTED, ImageMember.Status.fromApi("accepted"));
        assertEquals(ImageMember.Status.REJECTED, ImageMember.Status.fromApi("rejected"));
        assertEquals(ImageMember.Status.PENDING, ImageMember.Status.fromApi("pending"));
    }

    @Test
    void anyOtherStatusValueIsRefusedWithGlancesMessage() {
        for (Object value : Arrays.asList("ACCEPTED", "", "all", null, 1L, BigDecimal.ONE, true, List.of("accepted"),
                Map.of("status", "accepted"))) {
            assertEquals(INVALID, assertThrows(InvalidInputException.class,
                    () -> ImageMember.Status.fromApi(value)).getMessage(), String.valueOf(value));
        }
    }

    @Test
    void changingTheStatusMovesUpdatedAt() {
        ImageMember m = member();
        m.changeStatus(ImageMember.Status.ACCEPTED, LATER);
        assertEquals(ImageMember.Status.ACCEPTED, m.status());
        assertEquals(LATER, m.updatedAt());
        assertEquals(CREATED, m.createdAt());
    }

    @Test
    void answeringTheSameStatusAgainKeepsUpdatedAt() {
        ImageMember m = member();
        m.changeStatus(ImageMember.Status.PENDING, LATER);
        assertEquals(CREATED, m.updatedAt());

        m.changeStatus(ImageMember.Status.REJECTED, LATER);
        m.changeStatus(ImageMember.Status.REJECTED, LATER.plusSeconds(5));
        assertEquals(LATER, m.updatedAt());
    }

    @Test
    void removingMarksTheRowDeleted() {
        ImageMember m = member();
        m.remove(LATER);
        assertTrue(m.isDeleted());
        assertEquals(LATER, m.updatedAt());
    }

    @Test
    void rejoiningAfterRemovalIsPendingAgainWithTheOriginalCreatedAt() {
        ImageMember m = member();
        m.changeStatus(ImageMember.Status.ACCEPTED, LATER);
        m.remove(LATER.plusSeconds(1));

        Instant again = LATER.plusSeconds(2);
        m.rejoin(again);

        assertFalse(m.isDeleted());
        assertEquals(ImageMember.Status.PENDING, m.status());
        assertEquals(CREATED, m.createdAt());
        assertEquals(again, m.updatedAt());
    }
}
