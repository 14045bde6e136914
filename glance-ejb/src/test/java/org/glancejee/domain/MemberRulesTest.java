package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberRulesTest {

    @Test
    void aMemberFitsUpToTheQuota() {
        MemberRules rules = new MemberRules(2);
        assertDoesNotThrow(() -> rules.checkRoomFor("i", 0));
        assertDoesNotThrow(() -> rules.checkRoomFor("i", 1));
    }

    @Test
    void oneMoreThanTheQuotaIsRefusedWithGlancesMessage() {
        assertEquals("Image member limit exceeded for image img-1: The limit has been exceeded on the number of"
                + " allowed image members for this image. Attempted: 3, Maximum: 2:", refusal(2, 2));
        assertEquals("Image member limit exceeded for image img-1: The limit has been exceeded on the number of"
                + " allowed image members for this image. Attempted: 1, Maximum: 0:", refusal(0, 0));
    }

    private static String refusal(int quota, long current) {
        return assertThrows(LimitExceededException.class,
                () -> new MemberRules(quota).checkRoomFor("img-1", current)).getMessage();
    }

    @Test
    void aNegativeQuotaIsUnlimited() {
        assertDoesNotThrow(() -> new MemberRules(-1).checkRoomFor("i", 1_000_000));
    }

    @Test
    void memberIdsOfAnyCharactersUpTo255AreFine() {
        MemberRules rules = new MemberRules(128);
        for (String id : new String[] {"a", "fca20d6ec2744bad9372b2f02bc81938", "café", "a b", "a/b", " ",
                "x".repeat(255), "\u4e2d".repeat(255)}) {
            assertDoesNotThrow(() -> rules.checkMemberId(id), id);
        }
    }

    @Test
    void charactersOutsideTheBasicPlaneAreRefusedAsGlanceDoes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new MemberRules(128).checkMemberId("p\uD83D\uDE00"));
        assertEquals("Member can't contain 4 byte unicode characters.", e.getMessage());
    }

    @Test
    void idsLongerThanTheColumnAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new MemberRules(128).checkMemberId("x".repeat(256)));
        assertEquals("Member can't be longer than 255 characters.", e.getMessage());
    }
}
