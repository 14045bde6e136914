package org.glancejee.replication;

/** How a peer's copy of an image differs from this server's, and so what replicating it does. */
public enum Difference {
    /** The peer has no such image: created there with its metadata, then its data copied and verified. */
    MISSING("missing"),
    /** The peer has the image without data (an earlier copy was cut off): its data is copied and verified. */
    NO_DATA("no_data"),
    /** Same data, other metadata: the peer's is patched to match. */
    METADATA("metadata"),
    /** Deleted here, still there: deleted there when {@code delete_removed} is on. */
    DELETED_HERE("deleted_here"),
    /** The peer's copy has other bytes: left alone and reported, as images' data never changes. */
    DATA_DIFFERS("data_differs"),
    /** The peer's copy is being written, failed (killed), or cannot be seen: left alone and reported. */
    UNUSABLE_THERE("unusable_there");

    private final String apiName;

    Difference(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Whether replicating does something about it (the others are for an operator to look at). */
    public boolean repairable() {
        return this != DATA_DIFFERS && this != UNUSABLE_THERE;
    }
}
