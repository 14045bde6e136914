package org.glancejee.domain;

/**
 * What a new image member must satisfy: room under the image_member_quota and a project id the database can
 * keep. Glance checks in this order, the quota first, so an image at its limit answers 413 even for a
 * project that is a member already.
 */
public final class MemberRules {
    /** The width of image_members.member. */
    static final int MAX_MEMBER_LENGTH = 255;

    private final int quota;

    /** @param quota members one image may have; negative means no limit */
    public MemberRules(int quota) {
        this.quota = quota;
    }

    /** Refuses a new member when the image has {@code currentMembers} (not counting removed ones) already. */
    public void checkRoomFor(String imageId, long currentMembers) {
        long attempted = currentMembers + 1;
        if (quota >= 0 && attempted > quota) {
            throw new LimitExceededException("Image member limit exceeded for image " + imageId + ": The limit has"
                    + " been exceeded on the number of allowed image members for this image. Attempted: "
                    + attempted + ", Maximum: " + quota + ":");
        }
    }

    /**
     * Glance refuses characters outside the Basic Multilingual Plane (its MySQL columns are 3-byte utf8).
     * It has no length check and fails with a 500 on MySQL beyond 255 characters; this refuses with a 400.
     */
    public void checkMemberId(String member) {
        if (member.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw new InvalidInputException("Member can't contain 4 byte unicode characters.");
        }
        if (member.length() > MAX_MEMBER_LENGTH) {
            throw new InvalidInputException("Member can't be longer than " + MAX_MEMBER_LENGTH + " characters.");
        }
    }
}
