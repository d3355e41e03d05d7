#if canImport(Glibc)
    import Glibc
#endif

/// The questions the loader and the command line ask of the file system, by POSIX calls: what is
/// at a path, the names in a folder, making and removing folders, where the running program
/// lies. Foundation's `FileManager` answers them too, but linking even FoundationEssentials cost
/// a cold start about 1.4 ms (Benchmarks, step 108).
public enum FileSystem {
    public enum Kind: Sendable, Equatable {
        case directory
        /// A regular file, or anything else that is not a folder (a device, a pipe).
        case file
    }

    /// What `path` names, following symbolic links; nil when nothing can be reached there.
    public static func kind(at path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// Whether `path` names a character device (following symbolic links): `/dev/null` and
    /// `/dev/zero` discard what is written to them. A regular file at `/dev/null`, as on some
    /// virtual machines, keeps every byte written to it in memory instead.
    public static func isCharacterDevice(at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFCHR
    }

    /// Whether `a` and `b` name one existing file (following symbolic links; one device and
    /// inode, so also through a hard link or another spelling of the path); `-` stands for
    /// standard input. An output that is its own command's input would be emptied before it
    /// was read.
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var info = stat()
            let found = path == "-" ? fstat(0, &info) == 0 : stat(path, &info) == 0
            return found ? (info.st_dev, info.st_ino) : nil
        }
        guard let first = identity(a), let second = identity(b) else { return false }
        return first == second
    }

    /// What holds a standard stream the caller closed, so that the next file opened cannot take
    /// its number: `nullDevice` (`/dev/null`) where that is a character device; else the root
    /// folder, opened read-only, which takes no byte either way. A regular file at `/dev/null`
    /// (as on some virtual machines) is open to everyone and keeps what is written to it: a
    /// message to a closed standard error, naming an application, would be kept there.
    public static func streamHolder(nullDevice: String = "/dev/null") -> String {
        isCharacterDevice(at: nullDevice) ? nullDevice : "/"
    }

    /// The names in the folder at `path`, without `.` and `..`, in byte order; nil when it
    /// cannot be opened (missing, not a folder, no permission).
    public static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Makes the folder at `path` and the folders above it that are missing; false when one
    /// could not be made (a file in the way, no permission).
    @discardableResult
    public static func makeDirectories(_ path: String) -> Bool {
        if kind(at: path) == .directory { return true }
        let parent = parentPath(path)
        if !parent.isEmpty, parent != path, !makeDirectories(parent) { return false }
        return mkdir(path, 0o755) == 0 || (errno == EEXIST && kind(at: path) == .directory)
    }

    /// Removes the file or folder at `path` with all it holds (a symbolic link is removed, not
    /// followed); false when something could not be removed.
    @discardableResult
    public static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 }
        var removed = true
        for name in names(in: path) ?? [] where !removeTree(path + "/" + name) { removed = false }
        return rmdir(path) == 0 && removed
    }

    /// The folder for temporary files: `$TMPDIR` when set, else `/tmp`; without a trailing slash.
    public static var temporaryDirectory: String {
        var folder = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/tmp" : folder
    }

    /// A new folder named `prefix-` and six random characters in `folder` (``temporaryDirectory``
    /// unless given), made by `mkdtemp`: only its owner may enter it, and no other process can
    /// have taken its name first. A name made from the process id in a shared folder can be
    /// taken first, by a link to a folder of someone else's, where the files would then be
    /// written. nil when it could not be made (the folder missing, not writable).
    public static func makeTemporaryDirectory(prefix: String, in folder: String = temporaryDirectory) -> String? {
        var template = Array((folder + "/" + prefix + "-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
    }

    /// The path of the running executable (`/proc/self/exe`), nil where the system gives none.
    public static var executablePath: String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let length = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return -1 }
            return readlink("/proc/self/exe", base, raw.count)
        }
        guard length > 0, length < buffer.count else { return nil }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    /// `path` without its last component (`/a/b/c` → `/a/b`, `/a` → `/`, `a` → ``).
    public static func parentPath(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// An absolute path with `.` and empty components dropped and each `..` taking away the
    /// component before it, as the text says, without asking the file system (`/a/b/../c` → `/a/c`).
    public static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
