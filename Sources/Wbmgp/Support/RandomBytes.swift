#if canImport(Glibc)
    import Glibc
#endif

/// Fresh random bytes from the operating system, for the salts of a decision log's personal
/// parts: a salt must be unpredictable, or the digest of a small personal part could be
/// reversed by trying every value.
public enum RandomBytes {
    /// `count` (at most 256) random bytes as lowercase hex, from getentropy(3), else from
    /// /dev/urandom; nil when the system gives none (the caller must then not write).
    public static func hex(count: Int) -> String? {
        var bytes = [UInt8](repeating: 0, count: min(count, 256))
        if bytes.withUnsafeMutableBytes({ getentropy($0.baseAddress, $0.count) }) == 0 { return SHA256.hex(bytes) }
        let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard device >= 0 else { return nil }
        defer { _ = close(device) }
        let read = bytes.withUnsafeMutableBytes { Glibc.read(device, $0.baseAddress, $0.count) }
        return read == bytes.count ? SHA256.hex(bytes) : nil
    }
}
