import Glibc
import HTTPServer
import Wbmgp

/// `wbmgp serve` run as a child process on a free loopback port, for `bench --serve`: its access
/// log goes to a file beside the bench's other files, not to the terminal.
final class ServeChild {
    let pid: pid_t
    let port: UInt16
    var exitStatus: Int32?

    init(pid: pid_t, port: UInt16) {
        self.pid = pid
        self.port = port
    }

    /// Starts the server and waits (up to 30 s) until `GET /v1/health` answers 200; nil when it
    /// does not (the reason is in `log`).
    static func start(_ arguments: [String], log: String = "/dev/null") -> ServeChild? {
        guard let port = freePort() else { return nil }
        let executable = FileSystem.executablePath ?? CommandLine.arguments[0]
        // A bench stopped halfway (Ctrl-C, a crash) leaves no server behind.
        let argv = ([executable, "serve", "--port", String(port), "--stop-with-parent"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        let child = ServeChild(pid: pid, port: port)
        for _ in 0..<300 {
            if let connection = HTTPClientConnection(port: port, timeoutMilliseconds: 1000),
                connection.send(Array("GET /v1/health HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)), connection.readResponse()?.status == 200
            {
                return child
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return nil }
            usleep(100_000)
        }
        child.terminate()
        return nil
    }

    /// SIGTERM, then the exit status (nil when it did not end normally: a crash or a signal).
    @discardableResult
    func terminate() -> Int32? {
        if let exitStatus { return exitStatus }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { return nil }
        // WIFEXITED and WEXITSTATUS by hand: the C macros are not imported into Swift.
        let code: Int32? = (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
        exitStatus = code ?? -1
        return code
    }

    /// A loopback port nobody listens on now (bound to port 0 and released).
    static func freePort() -> UInt16? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0 else { return nil }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return UInt16(bigEndian: actual.sin_port)
    }
}
