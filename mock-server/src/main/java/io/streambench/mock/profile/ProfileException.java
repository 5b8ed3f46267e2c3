package io.streambench.mock.profile;

/** A profile file or value that cannot be used; the message names the file, the field and the problem. */
public final class ProfileException extends IllegalArgumentException {

    public ProfileException(String message) {
        super(message);
    }
}
