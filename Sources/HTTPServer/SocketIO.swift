import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// The few POSIX socket calls the server makes, each result checked: reading with a deadline
/// (poll), writing everything with a deadline (resuming partial writes, retrying interrupted
/// ones), closing.
enum SocketIO {
    /// Reads into `buffer` (reused by the caller, so no allocation per read): the number of
    /// bytes, 0 at the end of the stream or on an error, nil on timeout. Bytes already waiting
    /// are taken at once; only an empty socket is polled.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8], timeoutMilliseconds: Int32) -> Int? {
        while true {
            let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if got >= 0 { return got }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { return 0 }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while true {
                let ready = poll(&poller, 1, timeoutMilliseconds)
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { return nil }
                if ready < 0 { return 0 }
                break
            }
        }
    }

    /// Writes all of `bytes` within `timeoutMilliseconds`; false when the peer is gone, the
    /// socket failed, or the peer did not take them in time. A client that stops reading would
    /// otherwise hold its connection, and its thread, in `send` for ever (with enough of them,
    /// every other client got 503).
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], timeoutMilliseconds: Int32) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeoutMilliseconds)) * 1_000_000
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK else { return false }
            if errno == EINTR { continue }
            // The peer's window is full: wait for room, no later than the deadline.
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return false }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, Int32(clamping: (deadline - now) / 1_000_000 + 1))
            if ready < 0, errno != EINTR { return false }
        }
        return true
    }
}
