/// What one request may hold before the server refuses it, so no client can make it buffer
/// without bound: a request line and header section of bounded size and count, and a body up to
/// the route's limit.
public struct HTTPLimits: Sendable {
    /// The request line (method, target, version): longer is 414 URI Too Long.
    public var requestLineBytes = 8 * 1024
    /// The whole header section: larger is 431 Request Header Fields Too Large.
    public var headerBytes = 32 * 1024
    /// The number of header fields: more is 431.
    public var headerCount = 100
    /// The body (`--max-body`): larger is 413 Content Too Large.
    public var bodyBytes = 1 << 20

    public init() {}
}
