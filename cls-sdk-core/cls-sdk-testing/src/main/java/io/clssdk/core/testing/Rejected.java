package io.clssdk.core.testing;

/** A request {@link FakeClsServer} answers with an error: status, CLS error code and message. */
final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Rejected(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
