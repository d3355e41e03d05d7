/// The digest that identifies a set of rule or designation files in a decision record.
///
/// Anyone can recompute it: take the files in byte order of their names relative to the folder
/// (`wbmgp/art05.rules`, …; for designations the file name), make each file canonical (drop a
/// UTF-8 byte-order mark, turn CRLF into LF), and feed SHA-256, per file, the relative name in
/// UTF-8, a line feed, the canonical length in decimal, a line feed, and the canonical bytes. The
/// result is written `sha256:` and 64 lower-case hex digits.
///
/// ```sh
/// # the same in a shell, for files without CR or BOM:
/// for f in $(cd Rules && ls wbmgp/*.rules | LC_ALL=C sort); do
///   printf '%s\n%s\n' "$f" "$(wc -c < Rules/$f)"; cat "Rules/$f"; done | sha256sum
/// ```
public enum ModuleDigest {
    public static func digest(_ files: [(name: String, text: String)]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
            let bytes = canonical(file.text)
            hasher.update(Array(file.name.utf8) + [0x0A] + Array(String(bytes.count).utf8) + [0x0A])
            hasher.update(bytes)
        }
        return "sha256:" + SHA256.hex(hasher.finalize())
    }

    /// The file's bytes without a byte-order mark and with LF line ends.
    public static func canonical(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() where !(byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }
}
