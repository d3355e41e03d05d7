import Foundation
import Testing
import Wbmgp

/// A file written whole or not at all (``FileReplacement``): the letters of `--out DIR` and the
/// log `log redact` rewrites.
@Suite("A file written whole or not at all, through a new file beside it")
struct FileReplacementTests {
    @Test("written, renamed over the old file, nothing left beside it")
    func replaces() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        let path = root + "/fx-001.html"
        #expect(FileBytes.write(Array("old".utf8), toPath: path) == nil)
        #expect(FileReplacement.write(Array("new".utf8), to: path, through: ".part", mode: 0o600, syncingFolder: true) == nil)
        #expect(FileBytes.text(path: path) == "new")
        #expect(FileSystem.names(in: root) == ["fx-001.html"])
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o077 == 0)  // the mode asked for, not the old file's
    }

    @Test("a name made in advance as a link is removed, not followed: the file it points to is untouched")
    func linkNotFollowed() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        let victim = root + "/victim.txt"
        #expect(FileBytes.write(Array("precious".utf8), toPath: victim) == nil)
        #expect(symlink(victim, root + "/fx-001.html.part") == 0)
        #expect(FileReplacement.write(Array("letter".utf8), to: root + "/fx-001.html", through: ".part", mode: 0o644, syncingFolder: false) == nil)
        #expect(FileBytes.text(path: victim) == "precious")
        #expect(FileBytes.text(path: root + "/fx-001.html") == "letter")
        #expect(FileSystem.names(in: root) == ["fx-001.html", "victim.txt"])
    }

    @Test("a failure leaves the old file as it was and no new file beside it")
    func failure() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { FileSystem.removeTree(root) }
        let log = root + "/d.log"
        #expect(FileBytes.write(Array("old".utf8), toPath: log) == nil)
        // A folder where the new file should go cannot be removed or made as a file.
        #expect(FileSystem.makeDirectories(log + ".redacting"))
        #expect(FileReplacement.write(Array("new".utf8), to: log, through: ".redacting", mode: 0o600, syncingFolder: true) != nil)
        #expect(FileBytes.text(path: log) == "old")
        #expect(FileSystem.kind(at: log + ".redacting") == .directory)
        // A folder that does not exist: nothing is made on the way.
        #expect(FileReplacement.write(Array("x".utf8), to: root + "/missing/fx.html", through: ".part", mode: 0o644, syncingFolder: false) == ENOENT)
        #expect(FileSystem.kind(at: root + "/missing") == nil)
    }
}
