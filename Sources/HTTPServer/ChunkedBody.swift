/// A body in the chunked transfer coding (RFC 9112 §7.1): `SIZE[;ext] CRLF DATA CRLF` … `0 CRLF`,
/// trailer fields, an empty line. Read incrementally: what was decoded is kept in a ``Scan``
/// between reads, so each byte is looked at once however the body arrives.
///
/// The limit is on the data and on the bytes that frame it: chunk-size lines may carry
/// extensions of up to ``sizeLineBytes``, so a body of one-byte chunks with long extensions held
/// the server to a thousand bytes received for each byte of data, all kept until the request
/// was complete (``rawLimit(for:)``).
enum ChunkedBody {
    /// How far a body has been read: the offset (from the request's first byte) of the next
    /// chunk-size line, and the data so far.
    struct Scan: Sendable, Equatable {
        var position: Int
        /// Where the body's first chunk-size line begins.
        var bodyStart: Int
        var body: [UInt8] = []

        init(bodyStart: Int) {
            position = bodyStart
            self.bodyStart = bodyStart
        }
    }

    enum Outcome: Equatable {
        /// The body (moved out of the scan) and where the request ends.
        case complete(body: [UInt8], end: Int)
        /// Read more: the scan holds what was decoded.
        case incomplete
        case failure(HTTPStatus, String)
    }

    /// The longest chunk-size line (size and extensions) read before the request is refused.
    static let sizeLineBytes = 1024

    /// The most bytes a chunked body of at most `maximum` bytes of data may take as received,
    /// its framing included: half as much again, and 64 KiB, for chunk-size lines and line ends
    /// (a client's usual chunks of kilobytes frame them with a few bytes each).
    static func rawLimit(for maximum: Int) -> Int {
        maximum + maximum / 2 + 64 * 1024
    }

    /// Decodes the chunks after `scan`'s position, appending their data to its body in place:
    /// the scan is the caller's own (held nowhere else), so the body decoded so far is never
    /// copied to append to it. (Taken as a value, it was copied whole at every read, which made
    /// a body of many reads quadratic: 16 s for 64 MB.)
    static func read(_ buffer: ArraySlice<UInt8>, scan: inout Scan, maximum: Int, limits: HTTPLimits) -> Outcome {
        let start = buffer.startIndex
        while true {
            let lineStart = start + scan.position
            guard let line = HTTPRequestParser.lineEnd(in: buffer, from: lineStart, within: sizeLineBytes + 2) else {
                return buffer.distance(from: lineStart, to: buffer.endIndex) > sizeLineBytes
                    ? .failure(.badRequest, "a chunk-size line is longer than \(sizeLineBytes) bytes") : .incomplete
            }
            guard let size = chunkSize(buffer[lineStart..<line.contentEnd]) else {
                return .failure(.badRequest, "a chunk starts with its size in hexadecimal digits")
            }
            if size == 0 { return trailers(buffer, from: line.next, scan: &scan, limits: limits) }
            guard size <= maximum - scan.body.count else { return .failure(.contentTooLarge, "the body is larger than \(maximum) bytes") }
            guard line.next - start - scan.bodyStart <= rawLimit(for: maximum) else {
                return .failure(.contentTooLarge, "the body's chunks are framed by more than \(rawLimit(for: maximum) - maximum) bytes of chunk-size lines")
            }
            let dataEnd = line.next + size
            guard dataEnd < buffer.endIndex else { return .incomplete }
            // The data ends with CRLF (or a bare LF, as lines do).
            var next = dataEnd
            if buffer[next] == 0x0D {
                guard next + 1 < buffer.endIndex else { return .incomplete }
                next += 1
            }
            guard buffer[next] == 0x0A else { return .failure(.badRequest, "a chunk's data is longer than its size") }
            scan.body.append(contentsOf: buffer[line.next..<dataEnd])
            scan.position = next + 1 - start
        }
    }

    /// Hexadecimal digits, then optional extensions after ';' (ignored); nil when malformed or
    /// more than 15 digits (no size that large is ever allowed).
    static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = hexValue(line[index]) {
            guard digits < 15 else { return nil }
            size = size * 16 + digit
            digits += 1
            index += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { return nil }
        return size
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte) - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte) - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte) - 55
        default: return nil
        }
    }

    /// Trailer fields after the last chunk, up to an empty line: read within the header limits
    /// and ignored (nothing the service reads comes in a trailer).
    static func trailers(_ buffer: ArraySlice<UInt8>, from: Int, scan: inout Scan, limits: HTTPLimits) -> Outcome {
        var position = from
        var count = 0
        while true {
            guard let line = HTTPRequestParser.lineEnd(in: buffer, from: position, within: limits.headerBytes + 2) else {
                return buffer.distance(from: from, to: buffer.endIndex) > limits.headerBytes
                    ? .failure(.headerFieldsTooLarge, "the trailer section is larger than \(limits.headerBytes) bytes") : .incomplete
            }
            if line.contentEnd == position {
                let body = scan.body
                scan.body = []
                return .complete(body: body, end: line.next)
            }
            count += 1
            guard count <= limits.headerCount, buffer.distance(from: from, to: line.next) <= limits.headerBytes + 2 else {
                return .failure(.headerFieldsTooLarge, "the trailer section is larger than the header limits")
            }
            position = line.next
        }
    }
}
