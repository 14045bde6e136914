package org.glancejee.imagedata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Marks failures of the client's body as the client's, so they are told apart from store failures. */
public final class ClientInputStream extends FilterInputStream {
    public ClientInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (ClientDataException e) {
            throw e;
        } catch (IOException e) {
            throw new ClientDataException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (ClientDataException e) {
            throw e;
        } catch (IOException e) {
            throw new ClientDataException(e);
        }
    }
}
