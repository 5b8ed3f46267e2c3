package io.streambench.mock.profile;

import io.streambench.mock.UsageException;

/** A profile file or value that cannot be used; the message names the file, the field and the problem. */
public final class ProfileException extends UsageException {

    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }
}
