#if canImport(Glibc)
    import Glibc
#endif

/// A file written whole or not at all: the new bytes go into a new file beside it, which is
/// synced and then renamed over it, so a reader (or a crash) finds the old file or the new one,
/// never half of each. The letters of `decide --format letter --out DIR` and the log rewritten
/// by `log redact` are written this way.
public enum FileReplacement {
    /// Writes `bytes` as the whole file at `path`, through `path` + `suffix`.
    ///
    /// The new file is made afresh (`O_EXCL`, `O_NOFOLLOW`), a leftover of that name removed
    /// first: opened as it was found, a name someone made in advance in a folder others may
    /// write to, as a link, would have sent the bytes wherever the link points.
    ///
    /// - Parameters:
    ///   - mode: the new file's permissions (less the process's umask).
    ///   - syncingFolder: whether the folder is synced after the rename too, so that the rename
    ///     itself survives a crash (the log's; a letter can be made again).
    /// - Returns: nil when the file was replaced, else the `errno` of the failure; the file at
    ///   `path` is then as it was, and no new file is left beside it.
    public static func write(_ bytes: [UInt8], to path: String, through suffix: String, mode: mode_t, syncingFolder: Bool) -> Int32? {
        let temporary = path + suffix
        if unlink(temporary) != 0, errno != ENOENT { return errno }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return errno }
        var failure = bytes.withUnsafeBytes { FileBytes.write($0, to: descriptor) }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            return failure
        }
        if syncingFolder {
            let parent = FileSystem.parentPath(path)
            let folder = open(parent.isEmpty ? "." : parent, O_RDONLY | O_CLOEXEC)
            if folder >= 0 {
                _ = fsync(folder)
                _ = close(folder)
            }
        }
        return nil
    }
}
