/// A field of this process's `/proc/self/status` ("VmHWM", "Cpus_allowed_list"), read when
/// asked: the one place that file is parsed, for the peak memory `bench` reports and the cores
/// ``SystemCores`` counts.
public enum ProcessStatus {
    /// The text after `name:` on its line, without the spaces and tabs around it; nil when the
    /// file cannot be read or has no such line.
    public static func field(_ name: String) -> String? {
        guard let status = FileBytes.text(path: "/proc/self/status") else { return nil }
        let prefix = name + ":"
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return TextColumns.trimmed(line.dropFirst(prefix.count))
    }
}
