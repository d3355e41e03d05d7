import HTTPServer

/// The desk page of `wbmgp serve` (`GET /`): the three files of `Service/Desk/`, compiled into
/// the binary (Package.swift embeds them), so the page needs nothing from the network and works
/// offline. It talks to the service through `/v1/vocabulary`, `/v1/designations/lookup` and
/// `/v1/decide?format=desk`.
enum DeskPage {
    /// Each file by the path it is served at, with its media type.
    static let files: [String: (contentType: String, body: [UInt8])] = [
        "/": ("text/html; charset=utf-8", PackageResources.index_html),
        "/desk.css": ("text/css; charset=utf-8", PackageResources.desk_css),
        "/desk.js": ("text/javascript; charset=utf-8", PackageResources.desk_js),
    ]

    /// Only the page's own files and the service itself; the letter shown in a frame comes from
    /// a `blob:` URL and keeps its own inline style.
    static let contentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

    /// The file at `path`: the compiled-in copy, or with `directory` (`serve --desk-dir`, for a
    /// front-end developer editing the page) the file of that name read afresh from there.
    static func response(_ path: String, directory: String? = nil) -> HTTPResponse? {
        guard var file = files[path] else { return nil }
        if let directory {
            let name = path == "/" ? "index.html" : String(path.dropFirst())
            do {
                file.body = try FileBytes.read(path: directory + "/" + name)
            } catch {
                return ServiceRoutes.error(.internalServerError, "E-DESK", "the desk page file \(directory)/\(name) \(error.message)")
            }
        }
        return HTTPResponse(
            status: .ok,
            headers: [
                ("Content-Type", file.contentType), ("Content-Security-Policy", contentSecurityPolicy),
                ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-cache"),
            ],
            body: file.body)
    }
}
