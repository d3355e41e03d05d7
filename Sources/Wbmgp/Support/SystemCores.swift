#if canImport(Glibc)
    import Glibc
#endif

/// How many cores this process may use, for the default `--jobs` and the service's replicas:
/// the cores online, within the process's affinity mask (`taskset`, a cpuset) and the CPU quota
/// of the cgroup mounted at `/sys/fs/cgroup` (a container's own: version 2 `cpu.max`, version 1
/// `cpu.cfs_quota_us` over `cpu.cfs_period_us`, rounded up), at least 1. Foundation's count (used until step 108) read the version 1 quota
/// only; a container limited with `--cpus` under cgroup version 2 got the host's cores.
public enum SystemCores {
    public static var available: Int {
        var count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        if let allowed = affinityCount() { count = min(count, allowed) }
        if let quota = quotaLimit() { count = min(count, quota) }
        return max(1, count)
    }

    /// The cores of the process's affinity mask (`Cpus_allowed_list` in `/proc/self/status`);
    /// nil when the system does not say.
    static func affinityCount() -> Int? {
        ProcessStatus.field("Cpus_allowed_list").flatMap(count(cpuList:))
    }

    /// The cores a list such as "0-3,8,10-11" names; nil when it is not such a list.
    public static func count(cpuList: String) -> Int? {
        var total = 0
        for item in cpuList.split(separator: ",") {
            let bounds = item.split(separator: "-").map { Int($0.filter { $0 != " " && $0 != "\t" && $0 != "\n" }) }
            guard let low = bounds.first ?? nil, let high = bounds.last ?? nil, bounds.count <= 2, low <= high else { return nil }
            total += high - low + 1
        }
        return total > 0 ? total : nil
    }

    static func quotaLimit() -> Int? {
        if let text = firstLine(of: "/sys/fs/cgroup/cpu.max") { return limit(cpuMax: text) }
        if let quota = firstLine(of: "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), let period = firstLine(of: "/sys/fs/cgroup/cpu/cpu.cfs_period_us") {
            return limit(quota: quota, period: period)
        }
        return nil
    }

    /// The cores a version 2 `cpu.max` ("200000 100000", or "max 100000" for none) allows.
    public static func limit(cpuMax: String) -> Int? {
        let fields = cpuMax.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard fields.count >= 2 else { return nil }
        return limit(quota: String(fields[0]), period: String(fields[1]))
    }

    /// The cores a quota of `quota` microseconds a `period` allows, rounded up; nil for no
    /// quota ("max", -1) or anything that is not a positive number.
    public static func limit(quota: String, period: String) -> Int? {
        func number(_ text: String) -> Int? { Int(text.filter { $0 != " " && $0 != "\n" && $0 != "\t" }) }
        guard let quota = number(quota), let period = number(period), quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    private static func firstLine(of path: String) -> String? {
        guard let bytes = try? FileBytes.read(path: path), let line = bytes.split(separator: 0x0A).first else { return nil }
        return String(decoding: line, as: UTF8.self)
    }
}
