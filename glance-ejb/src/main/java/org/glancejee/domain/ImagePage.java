package org.glancejee.domain;

import java.util.List;

/** A page of a listing; {@code more} is true when the page was full, so a next link is worth giving. */
public record ImagePage(List<Image> images, boolean more) {
}
