package org.glancejee.imagedata;

import java.io.IOException;

/** Reading the client's request body failed: it disconnected or sent less than announced. */
public class ClientDataException extends IOException {
    public ClientDataException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
